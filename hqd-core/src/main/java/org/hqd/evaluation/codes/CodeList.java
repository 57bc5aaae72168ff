package org.hqd.evaluation.codes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * A list of codes an indicator counts by — the operations of the national operation classification, the
 * minimally invasive ones, the grade-4 ones, the complications of procedures — read from TSV: properties
 * {@code # id:}, {@code # name:} and {@code # source:} (where the list comes from: the official document, or the
 * rule that built it), then columns {@code code, name}. Codes are those of the abstracts (医保版 2.0).
 */
public record CodeList(String id, String name, String source, Map<String, String> codes) {
    static final List<String> COLUMNS = List.of("code", "name");

    public CodeList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** A list from TSV text; {@code file} names it in messages. Every list must say where it comes from. */
    public static CodeList parse(String text, String file) {
        TsvRows t = TsvRows.parse(text, file, COLUMNS);
        String id = t.properties().getOrDefault("id", "");
        String source = t.properties().getOrDefault("source", "");
        if (id.isEmpty() || source.isEmpty()) {
            throw new HqdException(file + " 应以 '# id: <目录编号>' 与 '# source: <来源文件或规则>' 开头；来源写明官方文件名或生成规则");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (TsvRows.Row r : t.rows()) {
            String code = r.get("code");
            if (codes.put(code, r.optional("name")) != null) {
                throw r.error("编码 " + code + " 重复");
            }
        }
        return new CodeList(id, t.properties().getOrDefault("name", id), source, codes);
    }

    public boolean contains(String code) {
        return codes.containsKey(code);
    }

    public int size() {
        return codes.size();
    }

    /** The list as TSV, as {@link #parse} reads it. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("# id: ").append(id).append('\n').append("# name: ").append(name).append('\n');
        s.append("# source: ").append(source.replace('\n', ' ')).append('\n');
        s.append("code\tname\n");
        codes.forEach((c, n) -> s.append(c).append('\t').append(n).append('\n'));
        return s.toString();
    }
}
