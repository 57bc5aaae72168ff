package org.hqd.costing;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the allocation of one hospital's year works on: every department in scope with its class, the direct costs
 * (department → item code → fen, from the finance actuals; items that are not cost under the rules are left out
 * by the allocation), the driver values (department → driver id → value ≥ 0) and the rules.
 */
public record CostingInput(String hospitalId, int year, Map<String, CostClass> classes,
                           Map<String, Map<String, Long>> directCosts, Map<String, Map<String, BigDecimal>> drivers,
                           CostingRules rules) {
    public CostingInput {
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(rules, "rules");
        classes = Map.copyOf(classes);
        directCosts = copy(directCosts);
        drivers = copy(drivers);
        for (String d : directCosts.keySet()) {
            if (!classes.containsKey(d)) {
                throw new IllegalArgumentException("department without a class: " + d);
            }
        }
        for (String d : drivers.keySet()) {
            if (!classes.containsKey(d)) {
                throw new IllegalArgumentException("department without a class: " + d);
            }
        }
    }

    private static <V> Map<String, Map<String, V>> copy(Map<String, Map<String, V>> m) {
        Map<String, Map<String, V>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        return Map.copyOf(out);
    }

    /** A department's driver values (none: an empty map). */
    Map<String, BigDecimal> driversOf(String department) {
        return drivers.getOrDefault(department, Map.of());
    }

    /** How messages name this input: H0001 2024 年. */
    String label() {
        return hospitalId + " " + year + " 年";
    }
}
