package org.hqd.costing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a cost is allocated by: one driver or a sum of drivers ({@code outpatient_revenue+inpatient_revenue}). A
 * receiver's weight is the sum of its values of the terms.
 */
public record DriverExpression(List<Driver> terms) {
    public DriverExpression {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a driver expression needs a term");
        }
    }

    /**
     * Parses {@code a+b}; the problems (an unknown driver, an empty term) go to {@code problems} and the result is
     * empty then.
     */
    static java.util.Optional<DriverExpression> parse(String text, DriverCatalog catalog, String source, String where,
                                                      List<CostingProblem> problems) {
        List<Driver> terms = new ArrayList<>();
        boolean ok = true;
        for (String part : text.split("\\+", -1)) {
            String id = part.strip();
            var d = catalog.driver(id);
            if (id.isEmpty()) {
                problems.add(new CostingProblem(source, where, "分摊参数 '" + text + "' 中有空项"));
                ok = false;
            } else if (d.isEmpty()) {
                problems.add(new CostingProblem(source, where, "分摊参数 '" + id + "' 不在分摊参数目录中（可用："
                        + catalog.ids() + "）"));
                ok = false;
            } else if (terms.contains(d.get())) {
                problems.add(new CostingProblem(source, where, "分摊参数 '" + id + "' 重复"));
                ok = false;
            } else {
                terms.add(d.get());
            }
        }
        return ok ? java.util.Optional.of(new DriverExpression(terms)) : java.util.Optional.empty();
    }

    /** The sum of the terms of {@code scope} in {@code values} (driver id → value); absent values count 0. */
    BigDecimal sum(Map<String, BigDecimal> values, Setting scope) {
        BigDecimal s = BigDecimal.ZERO;
        for (Driver d : terms) {
            if (d.scope() == scope) {
                s = s.add(values.getOrDefault(d.id(), BigDecimal.ZERO));
            }
        }
        return s;
    }

    /** The sum of all terms in {@code values}. */
    BigDecimal sum(Map<String, BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (Driver d : terms) {
            s = s.add(values.getOrDefault(d.id(), BigDecimal.ZERO));
        }
        return s;
    }

    /** As files write it: {@code outpatient_revenue+inpatient_revenue}. */
    public String id() {
        return terms.stream().map(Driver::id).collect(Collectors.joining("+"));
    }

    /** As users read it: 门急诊医疗收入 + 住院医疗收入. */
    public String label() {
        return terms.stream().map(Driver::name).collect(Collectors.joining(" + "));
    }
}
