package org.hqd.ledger;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A quantitative target found in a task: the words as written ({@code text}, e.g. "控制在8天以内"), the indicator
 * phrase before them ("平均住院日"), the value and unit, the comparator, and the HQD indicator it is linked to with
 * the value on that indicator's scale (a percentage becomes a fraction), when one exists. {@code valueText} is the
 * number as written ("90", "3-5", "1:2"); {@code value} its number (the first of a range; none for a ratio, whose
 * unit is ":").
 */
public record TaskTarget(String text, String phrase, String valueText, OptionalDouble value, String unit,
                         TargetComparator comparator, Optional<String> indicator, OptionalDouble indicatorValue) {
    public TaskTarget {
        phrase = phrase == null ? "" : phrase;
        unit = unit == null ? "" : unit;
        valueText = valueText == null ? "" : valueText;
    }

    /** The same target linked (or unlinked) to an indicator. */
    public TaskTarget linked(Optional<String> indicatorId, OptionalDouble onIndicatorScale) {
        return new TaskTarget(text, phrase, valueText, value, unit, comparator, indicatorId, onIndicatorScale);
    }
}
