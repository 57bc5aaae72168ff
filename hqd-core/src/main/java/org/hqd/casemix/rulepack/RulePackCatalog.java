package org.hqd.casemix.rulepack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule packs HQD can group with, selected by id: those shipped with the product (class path
 * {@code casemix/rulepacks/<id>/}, listed in {@code rulepacks/index.txt}) and any pack folder a region adds.
 * Packs and dictionaries are loaded once per catalog and then shared; a catalog is safe for concurrent use.
 */
public final class RulePackCatalog {
    /** The scheme used when none is named. */
    public static final String DEFAULT_PACK = "chs-drg-1.1";

    private final ResourceTree root;
    private final RulePackLoader loader = new RulePackLoader();
    private final Map<String, CodeDictionary> dictionaries = new ConcurrentHashMap<>();
    private final Map<String, RulePack> packs = new ConcurrentHashMap<>();

    /** A catalog over a tree laid out as {@code rulepacks/<id>/…} and {@code dictionaries/<set>/…}. */
    public RulePackCatalog(ResourceTree root) {
        this.root = root;
    }

    /** The catalog of the packs shipped with HQD. */
    public static RulePackCatalog bundled() {
        return new RulePackCatalog(new ClasspathResourceTree(RulePackCatalog.class.getClassLoader(), "casemix/"));
    }

    /** Ids of the packs in this catalog, in the order of its index. */
    public List<String> ids() {
        try {
            Optional<InputStream> index = root.open("rulepacks/index.txt");
            if (index.isEmpty()) {
                return List.of();
            }
            try (InputStream in = index.get()) {
                List<String> ids = new ArrayList<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        ids.add(line.trim());
                    }
                }
                return ids;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pack with this id, or the pack at this path: a folder holding a {@code pack.json}, that {@code pack.json}
     * itself, or a pack zip ({@link PackFiles}); a pack's dictionary is looked up in its own {@code dictionary/}, then
     * in this catalog.
     */
    public RulePack load(String idOrFolder) {
        RulePack cached = packs.get(idOrFolder);
        if (cached != null) {
            return cached;
        }
        RulePack pack;
        Path path = Path.of(idOrFolder);
        Path folder = Files.isRegularFile(path) && path.getFileName().toString().equals("pack.json")
                ? path.toAbsolutePath().getParent() : path;
        if (Files.isRegularFile(path) && PackFiles.isZip(path)) {
            ResourceTree own = PackFiles.readZip(path);
            pack = loader.load(own, set -> ownOrCatalogDictionary(own.subtree("dictionary"), set));
        } else if (Files.isRegularFile(folder.resolve("pack.json"))) {
            ResourceTree own = new DirectoryResourceTree(folder);
            pack = loader.load(own, set -> ownOrCatalogDictionary(own.subtree("dictionary"), set));
        } else if (ids().contains(idOrFolder)) {
            pack = loader.load(root.subtree("rulepacks/" + idOrFolder), this::dictionary);
        } else {
            throw new RulePackException("未知的分组方案 '" + idOrFolder + "'；可用方案：" + String.join("、", ids())
                    + "（运行 hqd schemes 查看），或给出规则包目录、其中的 pack.json 或规则包 zip 文件的路径");
        }
        packs.putIfAbsent(idOrFolder, pack);
        return packs.get(idOrFolder);
    }

    /**
     * How a scheme named on the command line is kept (in a data directory's settings): a pack id as it is, a pack's
     * path made absolute, so it is found again from any working directory.
     */
    public String canonical(String idOrPath) {
        Path p = Path.of(idOrPath);
        return !ids().contains(idOrPath) && Files.exists(p) ? p.toAbsolutePath().normalize().toString() : idOrPath;
    }

    /** The manifest ({@code pack.json}) of a pack of this catalog, without loading its rules. */
    public PackManifest manifest(String id) {
        if (!ids().contains(id)) {
            throw new RulePackException("未知的分组方案 '" + id + "'");
        }
        return loader.loadManifest(root.subtree("rulepacks/" + id));
    }

    /** The dictionary set with this id from this catalog. */
    public CodeDictionary dictionary(String set) {
        return dictionaries.computeIfAbsent(set, s -> {
            ResourceTree files = root.subtree("dictionaries/" + s);
            requireFile(files, "diagnoses.tsv");
            return loader.loadDictionary(s, files);
        });
    }

    private CodeDictionary ownOrCatalogDictionary(ResourceTree own, String set) {
        try {
            Optional<InputStream> probe = own.open("diagnoses.tsv");
            if (probe.isPresent()) {
                probe.get().close();
                return loader.loadDictionary(set, own);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dictionary(set);
    }

    private static void requireFile(ResourceTree files, String name) {
        try {
            Optional<InputStream> in = files.open(name);
            if (in.isEmpty()) {
                throw new RulePackException("找不到编码字典 " + files.describe() + "/" + name);
            }
            in.get().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
