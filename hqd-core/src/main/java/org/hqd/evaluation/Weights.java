package org.hqd.evaluation;

import org.hqd.TsvRows;
import java.util.HashMap;
import java.util.Map;

/**
 * The weights of the composite scores, read from TSV ({@code key, weight}): a key is an indicator id (its weight
 * within its dimension) or a dimension's Chinese name (its weight in the overall score). Missing keys weigh 1.
 */
public final class Weights {
    private final Map<String, Double> weights;

    private Weights(Map<String, Double> weights) {
        this.weights = weights;
    }

    /** The weights shipped with HQD. */
    public static Weights standard() {
        return parse(IndicatorCatalog.resource("weights.tsv"), "weights.tsv");
    }

    /** Every indicator and dimension weighs 1. */
    public static Weights equal() {
        return new Weights(Map.of());
    }

    public static Weights parse(String text, String source) {
        Map<String, Double> out = new HashMap<>();
        for (TsvRows.Row r : TsvRows.parse(text, source, java.util.List.of("key", "weight")).rows()) {
            double w;
            try {
                w = Double.parseDouble(r.get("weight"));
            } catch (NumberFormatException e) {
                throw r.error("权重 '" + r.get("weight") + "' 不是数字");
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw r.error("权重应为非负的有限数，实际为 '" + r.get("weight") + "'");
            }
            out.put(r.get("key"), w);
        }
        return new Weights(out);
    }

    public double of(Indicator i) {
        return weights.getOrDefault(i.id(), 1.0);
    }

    public double of(Dimension d) {
        return weights.getOrDefault(d.label(), 1.0);
    }
}
