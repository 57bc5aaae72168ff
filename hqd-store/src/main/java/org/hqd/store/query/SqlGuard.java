package org.hqd.store.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.store.StoreException;

/**
 * What {@code hqd sql} lets run, decided before anything runs. The statement is parsed by the database's own parser
 * ({@code json_serialize_sql}, which serialises SELECT statements only) and its syntax tree checked:
 * <ul>
 *   <li>exactly one statement, and a SELECT: COPY, EXPORT, SET, RESET, PRAGMA, CALL, ATTACH, DETACH, INSTALL, LOAD,
 *       CHECKPOINT and every statement that writes are refused (the driver would run all but the last of several
 *       statements on its own, and a refused COPY still wrote its file into the store's scratch folder);</li>
 *   <li>every table it names is a view of the store or one of its data tables ({@link #DATA_TABLES},
 *       {@link #DATA_TABLE_PREFIXES}), or a name the statement defines itself (WITH); never the access tables
 *       (users, sessions: password hashes and session tokens), the audit log, the system catalogues or a file;</li>
 *   <li>no table function ({@code read_csv}, {@code query}, {@code glob}, {@code duckdb_tables} …) and no SHOW.</li>
 * </ul>
 * Allowing by name and refusing everything else keeps a table added later unreadable until it is listed here.
 */
final class SqlGuard {
    /** The data tables readable besides the views (the views are the documented, stable interface). */
    static final Set<String> DATA_TABLES = Set.of("case_records", "quality_findings", "import_batches",
            "hospital_register", "facility_report_rows", "annual_report_rows", "drg_standards", "weight_versions", "dip_catalogue",
            "dip_versions", "target_sets", "dip_auxiliary", "dip_case_adjustments", "case_costs");
    /**
     * Readable families of data tables: budget management, the task ledger, loaded Spark results, the insurer's
     * payment parameters and 清算, the cost accounting.
     */
    static final List<String> DATA_TABLE_PREFIXES = List.of("budget_", "ledger_", "spark_", "payment_", "costing_");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSED = "hqd sql 只执行一条 SELECT 查询";

    private SqlGuard() {
    }

    /** Refuses the statement unless it is one SELECT over readable tables; runs nothing of it. */
    static void check(Connection c, String sql) {
        if (sql.isBlank()) {
            throw new HqdException(REFUSED + "：语句是空的");
        }
        JsonNode tree = parsed(c, sql);
        if (tree.path("error").asBoolean(false)) {
            String type = tree.path("error_type").asText("");
            String message = tree.path("error_message").asText("");
            throw new HqdException(type.equals("not implemented") || message.contains("Only SELECT")
                    ? REFUSED + "（只读查询）：COPY、EXPORT、SET、PRAGMA、CALL、ATTACH、INSTALL、LOAD 及一切写入语句都不执行"
                    : "SQL 语句有误：" + message);
        }
        int statements = tree.path("statements").size();
        if (statements != 1) {
            throw new HqdException(REFUSED + "：这里有 " + statements + " 条语句（用分号隔开的多条语句不执行）");
        }
        Set<String> ctes = new HashSet<>();
        collectCtes(tree, ctes);
        Set<String> existing = names(c, "SELECT lower(table_name) FROM information_schema.tables");
        Set<String> views = names(c, "SELECT lower(view_name) FROM duckdb_views() WHERE NOT internal "
                + "AND schema_name = 'main'");
        String database = names(c, "SELECT lower(current_database())").iterator().next();
        walk(tree, ctes, existing, views, database);
    }

    private static JsonNode parsed(Connection c, String sql) {
        try (PreparedStatement p = c.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            p.setString(1, sql);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return JSON.readTree(r.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("检查 SQL 语句", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("json_serialize_sql gave no JSON", e);
        }
    }

    private static Set<String> names(Connection c, String query) {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取表名", e);
        }
    }

    private static void collectCtes(JsonNode n, Set<String> into) {
        if (n.isObject() && n.has("cte_map")) {
            for (JsonNode e : n.path("cte_map").path("map")) {
                into.add(e.path("key").asText("").toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode child : n) {
            collectCtes(child, into);
        }
    }

    private static void walk(JsonNode n, Set<String> ctes, Set<String> existing, Set<String> views, String database) {
        if (n.isObject()) {
            String type = n.path("type").asText("");
            if (type.equals("TABLE_FUNCTION")) {
                throw new HqdException(REFUSED + "，不能调用表函数 " + n.path("function").path("function_name").asText("")
                        + "()：只能读取视图（cases、rejects、hospitals 等）和数据表");
            }
            if (type.equals("SHOW_REF") && !n.path("table_name").asText("").isEmpty()) {
                throw new HqdException(REFUSED + "，不执行 SHOW：可读的视图有 cases、rejects、hospitals、facility_reports 等，一个视图的列名可用 SELECT * FROM 视图 LIMIT 0 查看");
            }
            if (type.equals("BASE_TABLE")) {
                table(n, ctes, existing, views, database);
            }
        }
        for (JsonNode child : n) {
            walk(child, ctes, existing, views, database);
        }
    }

    private static void table(JsonNode n, Set<String> ctes, Set<String> existing, Set<String> views, String database) {
        String name = n.path("table_name").asText("").toLowerCase(Locale.ROOT);
        String schema = n.path("schema_name").asText("").toLowerCase(Locale.ROOT);
        String catalog = n.path("catalog_name").asText("").toLowerCase(Locale.ROOT);
        boolean unqualified = schema.isEmpty() && catalog.isEmpty();
        if (unqualified && ctes.contains(name) && !existing.contains(name)) {
            return; // a name the statement defines itself
        }
        boolean inStore = (schema.isEmpty() || schema.equals("main")) && (catalog.isEmpty() || catalog.equals(database));
        if (inStore && existing.contains(name) && (views.contains(name) || readableTable(name))) {
            return;
        }
        throw new HqdException(REFUSED + "，'" + n.path("table_name").asText("") + "' 不可查询：只能读取视图（"
                + String.join("、", views.stream().sorted().toList()) + "）和数据表；账户、会话、审计等表不开放");
    }

    private static boolean readableTable(String name) {
        return DATA_TABLES.contains(name) || DATA_TABLE_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
