package org.hqd.evaluation.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.hqd.HqdException;

/**
 * The code lists the operation and complication indicators count by: operations (手术目录), minimally invasive
 * operations, grade-4 operations and complications of procedures. HQD bundles lists built by
 * {@link CodeListRules}, and no grade-4 list (then an operation is grade 4 when the abstract's 手术级别 says 4); a
 * region puts an official list in place as a file of the same id ({@code code-lists/<id>.tsv} in the data
 * directory), which replaces the bundled one: loading the official list is a data change.
 */
public record OperationLists(CodeList operations, CodeList minimallyInvasive, CodeList grade4, CodeList complications) {
    /** The ids, which are also the file names ({@code <id>.tsv}) of lists put in place. */
    public static final List<String> IDS = List.of("operations", "minimally-invasive", "grade4", "complications");

    public OperationLists {
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(minimallyInvasive, "minimallyInvasive");
        Objects.requireNonNull(grade4, "grade4");
        Objects.requireNonNull(complications, "complications");
    }

    /** The lists bundled with HQD. */
    public static OperationLists bundled() {
        return new OperationLists(load("operations"), load("minimally-invasive"), load("grade4"), load("complications"));
    }

    /** These lists with some replaced by files put in place: list id → TSV text (with its file name for messages). */
    public OperationLists with(Map<String, Map.Entry<String, String>> replacements) {
        CodeList[] lists = {operations, minimallyInvasive, grade4, complications};
        for (Map.Entry<String, Map.Entry<String, String>> r : replacements.entrySet()) {
            int i = IDS.indexOf(r.getKey());
            if (i < 0) {
                throw new HqdException("未知的代码目录 " + r.getKey() + "；可用：" + String.join("、", IDS));
            }
            CodeList l = CodeList.parse(r.getValue().getValue(), r.getValue().getKey());
            if (!l.id().equals(r.getKey())) {
                throw new HqdException(r.getValue().getKey() + " 的 id 为 " + l.id() + "，文件名表示 " + r.getKey() + "：两者应一致");
            }
            lists[i] = l;
        }
        return new OperationLists(lists[0], lists[1], lists[2], lists[3]);
    }

    /** Whether grade 4 is decided by a list (otherwise by the abstract's 手术级别). */
    public boolean grade4ByList() {
        return grade4.size() > 0;
    }

    /** The lists in the order of {@link #IDS}. */
    public List<CodeList> all() {
        return List.of(operations, minimallyInvasive, grade4, complications);
    }

    static CodeList load(String id) {
        String file = id + ".tsv.gz";
        try (InputStream in = OperationLists.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new HqdException("缺少内置代码目录 " + file);
            }
            return CodeList.parse(new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
