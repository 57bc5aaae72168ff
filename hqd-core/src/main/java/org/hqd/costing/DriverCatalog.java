package org.hqd.costing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/** The allocation drivers a hospital may report ({@code costing-drivers.tsv}: id, name, unit, scope). */
public final class DriverCatalog {
    private final Map<String, Driver> byId;

    private DriverCatalog(Map<String, Driver> byId) {
        this.byId = byId;
    }

    /** The bundled catalogue. */
    public static DriverCatalog standard() {
        return parse(resource("costing-drivers.tsv"), "costing-drivers.tsv");
    }

    /** A catalogue from TSV text; every problem is reported at once. */
    public static DriverCatalog parse(String text, String source) {
        TsvRows t = TsvRows.parse(text, source, List.of("id", "name", "unit", "scope"));
        Map<String, Driver> out = new LinkedHashMap<>();
        List<CostingProblem> problems = new ArrayList<>();
        for (TsvRows.Row r : t.rows()) {
            String where = "第 " + r.line() + " 行";
            String id = r.optional("id");
            if (!id.matches("[a-z][a-z0-9_]*")) {
                problems.add(new CostingProblem(source, where, "id 应为小写字母、数字和下划线，实际为 '" + id + "'"));
                continue;
            }
            Setting scope;
            try {
                scope = Setting.valueOf(r.optional("scope"));
            } catch (IllegalArgumentException e) {
                problems.add(new CostingProblem(source, where, "scope 应为 WHOLE、OUTPATIENT 或 INPATIENT，实际为 '"
                        + r.optional("scope") + "'"));
                continue;
            }
            if (r.optional("name").isEmpty()) {
                problems.add(new CostingProblem(source, where, "name 不能为空"));
            } else if (out.putIfAbsent(id, new Driver(id, r.optional("name"), r.optional("unit"), scope)) != null) {
                problems.add(new CostingProblem(source, where, "分摊参数 " + id + " 重复"));
            }
        }
        if (!problems.isEmpty()) {
            throw new CostingException("分摊参数目录 " + source + " 不能使用", problems);
        }
        return new DriverCatalog(out);
    }

    public Optional<Driver> driver(String id) {
        return Optional.ofNullable(byId.get(id == null ? "" : id.strip()));
    }

    public List<Driver> drivers() {
        return List.copyOf(byId.values());
    }

    /** The ids, for messages: staff、area、…. */
    public String ids() {
        return String.join("、", byId.keySet());
    }

    static String resource(String name) {
        try (InputStream in = DriverCatalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new HqdException("缺少内置的成本核算数据 " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HqdException("无法读取内置的成本核算数据 " + name, e);
        }
    }
}
