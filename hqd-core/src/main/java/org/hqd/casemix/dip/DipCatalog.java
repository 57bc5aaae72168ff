package org.hqd.casemix.dip;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.casemix.standards.Trimming;

/*
 * DESIGN §3.2:
 *  1. key = principal diagnosis subcategory (first 5 characters) + the sorted set of OR procedures of the case;
 *  2. keys with ≥ coreMinCases baseline cases are core groups;
 *  3. the other cases go to comprehensive groups: diagnosis category (first 3 characters) × treatment type
 *     (conservative: no procedure; surgery: an OR procedure; else diagnostic or therapeutic by the main code);
 *  4. score = trimmed group mean cost / overall trimmed mean cost × 1000 (trimming as for DRG standards; cases
 *     with cost ≤ 0 are left out of scores);
 *  5. a case goes to its key's core group, else to its comprehensive group.
 */
/** A DIP catalogue built from baseline cases, and the grouping of any case into it. */
public final class DipCatalog {
    private final Map<String, DipGroup> groups;
    private final Predicate<String> orProcedure;
    private final DipParameters parameters;

    private DipCatalog(Map<String, DipGroup> groups, Predicate<String> orProcedure, DipParameters parameters) {
        this.groups = Collections.unmodifiableMap(groups);
        this.orProcedure = orProcedure;
        this.parameters = parameters;
    }

    /** Builds the catalogue of these baseline cases; {@code orProcedure} tells the pack's OR procedures. */
    public static DipCatalog build(List<DipCase> baseline, Predicate<String> orProcedure, DipParameters p) {
        Builder b = builder(orProcedure, p);
        baseline.forEach(b::add);
        return b.build();
    }

    /** A builder that takes baseline cases one at a time, keeping only their keys and costs. */
    public static Builder builder(Predicate<String> orProcedure, DipParameters p) {
        return new Builder(orProcedure, p);
    }

    /** Accumulates baseline cases: per core key, per comprehensive key, the case count and positive costs. */
    public static final class Builder {
        private final Predicate<String> orProcedure;
        private final DipParameters p;
        private final Map<String, Map<String, Costs>> byCoreKey = new TreeMap<>();

        private Builder(Predicate<String> orProcedure, DipParameters p) {
            this.orProcedure = orProcedure;
            this.p = p;
        }

        public Builder add(DipCase c) {
            byCoreKey.computeIfAbsent(coreKey(c, orProcedure), k -> new TreeMap<>())
                    .computeIfAbsent(comprehensiveKey(c, orProcedure, p), k -> new Costs()).add(c.cost());
            return this;
        }

        public DipCatalog build() {
            Map<String, Costs> byGroup = new TreeMap<>();
            byCoreKey.forEach((key, parts) -> {
                int n = parts.values().stream().mapToInt(x -> x.cases).sum();
                parts.forEach((comprehensive, costs) ->
                        byGroup.computeIfAbsent(n >= p.coreMinCases() ? key : comprehensive, k -> new Costs())
                                .addAll(costs));
            });
            StandardsParameters trim = new StandardsParameters(p.trimSigmas(), 3, 1, 2, 3, 2, 1.5, 0.4);
            Map<String, double[]> kept = new TreeMap<>();
            double sum = 0;
            long n = 0;
            for (Map.Entry<String, Costs> e : byGroup.entrySet()) {
                double[] v = e.getValue().positive();
                boolean[] keep = Trimming.kept(v, trim);
                double s = 0;
                int k = 0;
                for (int i = 0; i < v.length; i++) {
                    if (keep[i]) {
                        s += v[i];
                        k++;
                    }
                }
                kept.put(e.getKey(), new double[] {s, k});
                sum += s;
                n += k;
            }
            double overall = n == 0 ? 0 : sum / n;
            Map<String, DipGroup> groups = new TreeMap<>();
            byGroup.forEach((key, costs) -> {
                double[] s = kept.get(key);
                double mean = s[1] == 0 ? 0 : s[0] / s[1];
                groups.put(key, new DipGroup(key, !key.contains("/"), costs.cases, (int) s[1], mean,
                        overall == 0 ? 0 : mean / overall * p.pointsPerMeanCost()));
            });
            return new DipCatalog(groups, orProcedure, p);
        }
    }

    /** Case count and the positive costs of a set of cases, as a growable primitive array. */
    private static final class Costs {
        private int cases;
        private double[] values = new double[8];
        private int size;

        void add(double cost) {
            cases++;
            if (cost > 0) {
                if (size == values.length) {
                    values = java.util.Arrays.copyOf(values, size * 2);
                }
                values[size++] = cost;
            }
        }

        void addAll(Costs other) {
            cases += other.cases;
            if (size + other.size > values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        double[] positive() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** A catalogue of groups built before (e.g. read back from the store). */
    public static DipCatalog of(java.util.Collection<DipGroup> groups, Predicate<String> orProcedure, DipParameters p) {
        Map<String, DipGroup> byKey = new TreeMap<>();
        groups.forEach(g -> byKey.put(g.key(), g));
        return new DipCatalog(byKey, orProcedure, p);
    }

    /** The group of a case: its core group when the catalogue has one, else its comprehensive group. */
    public Optional<DipGroup> group(DipCase c) {
        DipGroup core = groups.get(coreKey(c, orProcedure));
        if (core != null && core.core()) {
            return Optional.of(core);
        }
        return Optional.ofNullable(groups.get(comprehensiveKey(c, orProcedure, parameters)));
    }

    /** Every group, by key. */
    public Map<String, DipGroup> groups() {
        return groups;
    }

    static String coreKey(DipCase c, Predicate<String> orProcedure) {
        TreeSet<String> or = new TreeSet<>();
        for (String p : c.procedures()) {
            if (orProcedure.test(p)) {
                or.add(p);
            }
        }
        return subcategory(c.principalDx()) + "|" + String.join("+", or);
    }

    static String comprehensiveKey(DipCase c, Predicate<String> orProcedure, DipParameters p) {
        String dx = c.principalDx();
        return (dx.length() > 3 ? dx.substring(0, 3) : dx) + "/" + treatment(c, orProcedure, p).name();
    }

    static TreatmentType treatment(DipCase c, Predicate<String> orProcedure, DipParameters p) {
        if (c.procedures().isEmpty()) {
            return TreatmentType.CONSERVATIVE;
        }
        if (c.procedures().stream().anyMatch(orProcedure)) {
            return TreatmentType.SURGERY;
        }
        String main = c.procedures().get(0);
        return p.diagnosticPrefixes().stream().anyMatch(main::startsWith) ? TreatmentType.DIAGNOSTIC
                : TreatmentType.THERAPEUTIC;
    }

    private static String subcategory(String dx) {
        return dx.length() > 5 ? dx.substring(0, 5) : dx;
    }
}
