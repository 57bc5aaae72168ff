package org.hqd.store.costing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.hqd.costing.ClassOverride;
import org.hqd.costing.CostingRules;
import org.hqd.costing.DriverValue;
import org.hqd.costing.ItemCost;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * Writes the cost accounting's inputs, each load in one transaction (the caller's, or one of its own): drivers and item costs replace the hospital-years
 * of their file, class overrides the hospitals of theirs; loading the same content again changes nothing. Rule sets
 * are kept per scope (a hospital, or {@link CostingInputs#REGION}).
 */
public final class CostingLoads {
    /** What a load did: its batch, the rows read and one line per hospital-year (or hospital) it touched. */
    public record Loaded(String batch, int rows, List<String> changes) {
        public Loaded {
            changes = List.copyOf(changes);
        }
    }

    private final DataDirectory dir;

    public CostingLoads(DataDirectory dir) {
        this.dir = dir;
    }

    /** Replaces the drivers of each hospital-year in {@code values}. */
    public Loaded loadDrivers(String file, String sha256, List<DriverValue> values, String user, Instant at) {
        Map<String, List<Object[]>> groups = grouped(values, v -> v.hospitalId() + " " + v.year(), v -> new Object[] {
            v.hospitalId(), v.year(), v.department(), v.driver(), v.value()});
        return replace("drivers", file, sha256, values.size(), groups, "costing_drivers",
                "SELECT department, driver, value FROM costing_drivers WHERE hospital_id = ? AND year = ?",
                "DELETE FROM costing_drivers WHERE hospital_id = ? AND year = ?", 2, true, user, at, "项分摊参数");
    }

    /** Replaces the item costs of each hospital-year in {@code values}. */
    public Loaded loadItemCosts(String file, String sha256, List<ItemCost> values, String user, Instant at) {
        Map<String, List<Object[]>> groups = grouped(values, v -> v.hospitalId() + " " + v.year(), v -> new Object[] {
            v.hospitalId(), v.year(), v.department(), v.category().name(), v.cost()});
        return replace("item_costs", file, sha256, values.size(), groups, "costing_item_costs",
                "SELECT department, category, cost FROM costing_item_costs WHERE hospital_id = ? AND year = ?",
                "DELETE FROM costing_item_costs WHERE hospital_id = ? AND year = ?", 2, true, user, at, "项项目成本");
    }

    /** Replaces the class overrides of each hospital in {@code values}. */
    public Loaded loadClasses(String file, String sha256, List<ClassOverride> values, String user, Instant at) {
        Map<String, List<Object[]>> groups = grouped(values, ClassOverride::hospitalId, v -> new Object[] {
            v.hospitalId(), v.department(), v.costClass().name()});
        return replace("classes", file, sha256, values.size(), groups, "costing_classes",
                "SELECT department, cost_class FROM costing_classes WHERE hospital_id = ?",
                "DELETE FROM costing_classes WHERE hospital_id = ?", 1, false, user, at, "个科室类别");
    }

    /** Keeps a rule set for a hospital or the region, replacing the scope's previous set. */
    public void saveRules(String scope, CostingRules rules, String user, Instant at) {
        Joined.run(dir, "保存成本分摊规则", c -> Query.of("保存成本分摊规则",
                        "INSERT OR REPLACE INTO costing_rule_sets VALUES (?, ?, ?, ?, ?)")
                .bind(scope, rules.id(), rules.text(), Timestamp.from(at), user).update(c));
    }

    /** Removes a scope's rule set (the hospital falls back to the region's, the region to the defaults). */
    public boolean removeRules(String scope) {
        return Joined.run(dir, "删除成本分摊规则", c -> Query.of("删除成本分摊规则",
                "DELETE FROM costing_rule_sets WHERE scope = ?").bind(scope).update(c) > 0);
    }

    /** The values' rows by their group (a hospital-year or a hospital), the groups in the order of their names. */
    private static <T> Map<String, List<Object[]>> grouped(List<T> values, Function<T, String> group,
                                                           Function<T, Object[]> row) {
        Map<String, List<Object[]>> groups = new TreeMap<>();
        for (T v : values) {
            groups.computeIfAbsent(group.apply(v), k -> new ArrayList<>()).add(row.apply(v));
        }
        return groups;
    }

    /**
     * Replaces groups (a hospital-year or a hospital: the first {@code keys} values of each row) of a table with the
     * given rows, skipping a group whose stored rows are the same; records the load. A row is the group's keys, one or
     * two naming columns and the value; {@code select} reads the naming columns and the value of a group, and the
     * table ends with the batch column when {@code withBatch}.
     */
    private Loaded replace(String kind, String file, String sha256, int rows, Map<String, List<Object[]>> groups,
                           String table, String select, String delete, int keys, boolean withBatch, String user,
                           Instant at, String noun) {
        String batch = UUID.randomUUID().toString();
        List<String> changes = new ArrayList<>();
        String what = "载入 " + file;
        Joined.run(dir, what, c -> {
            for (Map.Entry<String, List<Object[]>> g : groups.entrySet()) {
                Object[] key = java.util.Arrays.copyOf(g.getValue().get(0), keys);
                Map<String, Object> old = existing(c, what, select, key);
                Map<String, Object> now = new LinkedHashMap<>();
                g.getValue().forEach(r -> now.put(r[keys] + "\u0001" + (r.length > keys + 2 ? r[keys + 1] : ""),
                        normal(r[r.length - 1])));
                if (new TreeMap<>(old).equals(new TreeMap<>(now))) {
                    changes.add(g.getKey() + "：与现有数据相同，未做更改");
                    continue;
                }
                Query.of(what, delete).bind(key).update(c);
                String marks = "?, ".repeat(g.getValue().get(0).length + (withBatch ? 1 : 0));
                Query.of(what, "INSERT INTO " + table + " VALUES (" + marks.substring(0, marks.length() - 2) + ")")
                        .<Object[]>batch(c, g.getValue(), (i, r) -> {
                            bind(i, r);
                            if (withBatch) {
                                i.setString(r.length + 1, batch);
                            }
                        });
                changes.add(g.getKey() + "：" + (old.isEmpty() ? "新增 " : "替换为 ") + g.getValue().size() + " " + noun);
            }
            Query.of(what, "INSERT INTO costing_loads VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .bind(batch, kind, file, sha256, rows, Timestamp.from(at), user).update(c);
            return null;
        });
        return new Loaded(batch, rows, changes);
    }

    private static Map<String, Object> existing(Connection c, String what, String select, Object[] key) {
        return Query.of(what, select).bind(key).read(c, r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                out.put(r.getString(1) + "\u0001" + (n > 2 ? r.getString(2) : ""), normal(r.getObject(n)));
            }
            return out;
        });
    }

    private static Object normal(Object v) {
        return v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    private static void bind(PreparedStatement s, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }
}
