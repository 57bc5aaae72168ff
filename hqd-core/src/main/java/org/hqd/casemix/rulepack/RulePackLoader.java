package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a rule pack in the {@code casemix-rulepack/1} format from a {@link ResourceTree} holding
 * {@code pack.json}, {@code rules.json} and the TSV tables, and checks it: every problem found (unknown atom,
 * list or rule referenced but not defined, wrong format) is reported at once in a {@link RulePackException}.
 */
public final class RulePackLoader {
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Loads the pack whose files are at the root of {@code packFiles}.
     *
     * @param dictionaries gives the code dictionary set named by the pack's {@code dictionary}
     */
    public RulePack load(ResourceTree packFiles, Function<String, CodeDictionary> dictionaries) {
        try {
            PackManifest manifest = loadManifest(packFiles);
            String id = manifest.id().isEmpty() ? packFiles.describe() : manifest.id();
            List<RulePackProblem> problems = new ArrayList<>();
            JsonNode rules = readJson(packFiles, "rules.json");
            if (!PackManifest.FORMAT.equals(rules.path("format").asText())) {
                problems.add(new RulePackProblem("rules.json", "/format", "格式应为 " + PackManifest.FORMAT
                        + "，实际为 '" + rules.path("format").asText() + "'"));
            }
            AtomParser atoms = new AtomParser("rules.json", problems);
            List<String> mdcOrder = new ArrayList<>();
            rules.path("mdcOrder").forEach(n -> mdcOrder.add(n.asText()));
            Map<String, MdcRule> mdcs = parseMdcs(rules.path("mdcs"), atoms, problems);
            Map<String, AdrgRule> adrgs = new LinkedHashMap<>();
            forEachField(rules.path("adrgs"), (key, n) -> adrgs.put(key, new AdrgRule(key, n.path("code").asText(key),
                    n.path("mdc").asText(""), atoms.parseAll(n.path("when"), "/adrgs/" + key + "/when"),
                    strings(n.path("drgs")), n.path("fallback").asText(n.path("code").asText(key)))));
            Map<String, DrgRule> drgs = new LinkedHashMap<>();
            forEachField(rules.path("drgs"), (key, n) -> drgs.put(key, new DrgRule(key, n.path("adrg").asText(""),
                    n.path("name").asText(""), atoms.parseAll(n.path("when"), "/drgs/" + key + "/when"))));
            Map<String, List<String>> codeLists = new LinkedHashMap<>();
            forEachField(rules.path("codeLists"), (key, n) -> codeLists.put(key, strings(n)));

            Map<String, String> cc = readTsv(packFiles, "cc.tsv");
            Map<String, String> mcc = readTsv(packFiles, "mcc.tsv");
            Map<String, String> exclusion = readTsv(packFiles, "cc_exclusion.tsv");
            Map<String, String> or = readTsv(packFiles, "or_procedures.tsv");
            CodeDictionary dictionary = dictionaries.apply(manifest.dictionary());
            RulePack pack = new RulePack(manifest, mdcOrder, mdcs, adrgs, drgs, codeLists, cc, mcc, exclusion, or,
                    dictionary);
            new RulePackChecks(pack, problems).run();
            if (!problems.isEmpty()) {
                throw new RulePackException(id, problems);
            }
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException("读取规则包失败：" + packFiles.describe() + "：" + e.getMessage(), e);
        }
    }

    /** Reads only the {@code pack.json} of a pack. */
    public PackManifest loadManifest(ResourceTree packFiles) {
        try {
            JsonNode m = readJson(packFiles, "pack.json");
            return new PackManifest(m.path("id").asText(""), m.path("scheme").asText(""),
                    m.path("region").asText(""), m.path("dictionary").asText(""), m.path("format").asText(""),
                    m.path("drgs").asInt(-1), m.path("adrgs").asInt(-1));
        } catch (IOException e) {
            throw new UncheckedIOException("读取规则包失败：" + packFiles.describe() + "：" + e.getMessage(), e);
        }
    }

    /** Reads a dictionary set from a tree holding its four TSV files. */
    public CodeDictionary loadDictionary(String id, ResourceTree files) {
        try {
            return new CodeDictionary(id, readTsv(files, "diagnoses.tsv"), readTsv(files, "procedures.tsv"),
                    readTsv(files, "diagnosis_map.tsv"), readTsv(files, "procedure_map.tsv"));
        } catch (IOException e) {
            throw new UncheckedIOException("读取编码字典失败：" + files.describe() + "：" + e.getMessage(), e);
        }
    }

    private Map<String, MdcRule> parseMdcs(JsonNode node, AtomParser atoms, List<RulePackProblem> problems) {
        Map<String, MdcRule> mdcs = new LinkedHashMap<>();
        forEachField(node, (key, n) -> {
            List<AdrgStep> steps = new ArrayList<>();
            JsonNode list = n.path("adrgs");
            for (int i = 0; i < list.size(); i++) {
                JsonNode s = list.get(i);
                if (s.isTextual()) {
                    steps.add(new AdrgStep.TryRule(s.asText()));
                } else if (s.has("ambiguousIfAnyProcIn")) {
                    steps.add(new AdrgStep.AmbiguityCheckpoint(false, s.get("ambiguousIfAnyProcIn").asText(),
                            s.path("group").asText("")));
                } else if (s.has("ambiguousIfMainProcIn")) {
                    steps.add(new AdrgStep.AmbiguityCheckpoint(true, s.get("ambiguousIfMainProcIn").asText(),
                            s.path("group").asText("")));
                } else {
                    problems.add(new RulePackProblem("rules.json", "/mdcs/" + key + "/adrgs/" + i,
                            "未知的步骤 " + s));
                }
            }
            mdcs.put(key, new MdcRule(key, atoms.parseAll(n.path("when"), "/mdcs/" + key + "/when"), steps));
        });
        return mdcs;
    }

    private JsonNode readJson(ResourceTree tree, String name) throws IOException {
        try (InputStream in = tree.open(name).orElseThrow(() -> missing(tree, name))) {
            return json.readTree(in);
        }
    }

    private static Map<String, String> readTsv(ResourceTree tree, String name) throws IOException {
        try (InputStream in = tree.open(name).orElseThrow(() -> missing(tree, name))) {
            return TsvTable.read(in, name);
        }
    }

    private static RulePackException missing(ResourceTree tree, String name) {
        return new RulePackException("规则包文件缺失：" + tree.describe() + "/" + name);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void forEachField(JsonNode node, java.util.function.BiConsumer<String, JsonNode> f) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            f.accept(e.getKey(), e.getValue());
        }
    }
}
