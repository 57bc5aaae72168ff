package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.TsvRows;

/**
 * The code lists of the scheme tables: the MDC principal-diagnosis table, the ADRG diagnosis and operation tables and
 * the other lists, one row per code in list order (a row without a code declares an empty list). An operation row may
 * carry a tag of a tags list ({@code procTag}); the tags list is built from those rows in the same order.
 */
final class SchemeLists {
    private static final String TAGS = SchemeTables.ADRG_PROCEDURES + " 的 tag 列";
    private final SchemeCompiler compiler;
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    private final Map<String, String> definedIn = new HashMap<>();
    private final Map<String, String> tagTableOf = new HashMap<>();

    SchemeLists(SchemeCompiler compiler) {
        this.compiler = compiler;
    }

    ObjectNode read() {
        for (String file : List.of(SchemeTables.MDC_DIAGNOSES, SchemeTables.ADRG_DIAGNOSES,
                SchemeTables.ADRG_PROCEDURES, SchemeTables.CODE_LISTS)) {
            boolean tags = file.equals(SchemeTables.ADRG_PROCEDURES);
            TsvRows t = compiler.table(file, tags ? List.of("table", "code", "tag_table", "tag")
                    : List.of("table", "code"));
            if (t != null) {
                t.rows().forEach(r -> row(file, r, tags));
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        lists.forEach((name, codes) -> {
            ArrayNode a = out.putArray(name);
            codes.forEach(a::add);
        });
        return out;
    }

    private void row(String file, TsvRows.Row r, boolean tags) {
        String name = r.optional("table");
        if (name.isEmpty()) {
            compiler.problem(r, "table 不能为空");
            return;
        }
        if (!define(name, file, r)) {
            return;
        }
        String code = r.optional("code");
        if (!code.isEmpty()) {
            lists.get(name).add(code);
        }
        String tagTable = tags ? r.optional("tag_table") : "";
        String before = tagTableOf.putIfAbsent(name, tagTable);
        if (before != null && !before.equals(tagTable)) {
            compiler.problem(r, "表 " + name + " 的各行 tag_table 应相同（此前为 '" + before + "'）");
        } else if (!tagTable.isEmpty() && !code.isEmpty()) {
            String owner = definedIn.putIfAbsent(tagTable, TAGS);
            if (owner != null && !owner.equals(TAGS)) {
                compiler.problem(r, "标记表 " + tagTable + " 已在 " + owner + " 中定义");
            } else {
                lists.computeIfAbsent(tagTable, k -> new ArrayList<>()).add(r.optional("tag"));
            }
        }
    }

    /** Registers the list in this file; a list spread over two tables is a problem. */
    private boolean define(String name, String file, TsvRows.Row r) {
        String where = definedIn.putIfAbsent(name, file);
        if (where != null && !where.equals(file)) {
            compiler.problem(r, "列表 " + name + " 已在 " + where + " 中定义");
            return false;
        }
        lists.computeIfAbsent(name, k -> new ArrayList<>());
        return true;
    }
}
