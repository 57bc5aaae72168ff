package org.hqd.evaluation;

import java.util.Objects;

/**
 * One indicator of the catalogue (DESIGN §4): id, Chinese name, dimension, formula over measures, unit (shares are
 * fractions: unit {@code ratio}), direction and what its inputs come from.
 */
public record Indicator(String id, String name, Dimension dimension, Formula formula, String unit,
                        Direction direction, String source, String note) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(formula, "formula");
    }

    /** Whether every input of the formula is received by HQD. */
    public boolean computable() {
        return formula.measures().stream().noneMatch(m -> m.source() == Measure.Source.NOT_RECEIVED);
    }
}
