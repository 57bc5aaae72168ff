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

    /**
     * Whether HQD can compute it: every input of the formula is one HQD receives (some are optional inputs a
     * hospital may not send; those give NO_DATA naming the input). An indicator over an external judgement is not.
     */
    public boolean computable() {
        return formula.measures().stream().allMatch(Measure::received);
    }
}
