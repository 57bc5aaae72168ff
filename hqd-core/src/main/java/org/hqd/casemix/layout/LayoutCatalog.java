package org.hqd.casemix.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hqd.HqdException;

/**
 * The layouts HQD reads: the canonical one, those bundled (class path {@code org/hqd/casemix/layout/}, listed in
 * its {@code index.txt}) and the {@code *.json} layout files of a region's folders, in that order. Recognises a file's
 * layout from its header. Immutable.
 */
public final class LayoutCatalog {
    private final List<Layout> layouts;

    private LayoutCatalog(List<Layout> layouts) {
        this.layouts = List.copyOf(layouts);
    }

    /** The canonical layout and the bundled national ones. */
    public static LayoutCatalog bundled() {
        List<Layout> out = new ArrayList<>(List.of(Layout.canonical()));
        LayoutCatalog sofar = new LayoutCatalog(out);
        for (String file : resource("index.txt").split("\n")) {
            if (!file.isBlank()) {
                out.add(new LayoutLoader(sofar::byName).load(resource(file.strip()), "内置 " + file.strip()));
                sofar = new LayoutCatalog(out);
            }
        }
        return sofar;
    }

    /**
     * This catalog and the layout files ({@code *.json}, in name order) of a folder; a file may extend any layout
     * before it. A folder that does not exist adds nothing.
     *
     * @throws LayoutException when a file is not a valid layout
     * @throws HqdException when a file repeats the name of a layout already known
     */
    public LayoutCatalog withFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return this;
        }
        List<Layout> out = new ArrayList<>(layouts);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                LayoutCatalog sofar = new LayoutCatalog(out);
                Layout l = new LayoutLoader(sofar::byName).load(Files.readString(f, StandardCharsets.UTF_8),
                        f.toString());
                if (sofar.byName(l.name()).isPresent()) {
                    throw new HqdException(f + "：格式名 " + l.name() + " 已被使用；请换一个名称（可用 extends 继承它）");
                }
                out.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LayoutCatalog(out);
    }

    /** Every layout, canonical first. */
    public List<Layout> layouts() {
        return layouts;
    }

    public Optional<Layout> byName(String name) {
        return layouts.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /**
     * The layout of a file, named.
     *
     * @throws HqdException naming the layouts there are
     */
    public Layout named(String name) {
        return byName(name).orElseThrow(() -> new HqdException("没有名为 '" + name + "' 的文件格式；可用的格式："
                + String.join("、", layouts.stream().map(Layout::name).toList()) + "（hqd layouts 列出它们）"));
    }

    /**
     * The layout laid over a header: of the layouts whose recognising columns are all in the header, the one that
     * uses the most header columns (a later one on a tie: a region's spelling before the layout it extends); empty
     * when none matches.
     */
    public Optional<HeaderMapping> recognise(List<String> header) {
        HeaderMapping best = null;
        for (Layout l : layouts) {
            HeaderMapping m = HeaderMapping.of(l, header);
            if (m.matches() && (best == null || m.used() >= best.used())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The layout that comes closest to a header that matches none: the most recognising columns, then used ones. */
    public HeaderMapping closest(List<String> header) {
        HeaderMapping best = null;
        for (Layout l : layouts) {
            HeaderMapping m = HeaderMapping.of(l, header);
            double share = (double) m.recognised() / l.recognise().size();
            double bestShare = best == null ? -1 : (double) best.recognised() / best.layout().recognise().size();
            if (share > bestShare || share == bestShare && m.used() > best.used()) {
                best = m;
            }
        }
        return java.util.Objects.requireNonNull(best);
    }

    private static String resource(String name) {
        try (InputStream in = LayoutCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("bundled layout resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
