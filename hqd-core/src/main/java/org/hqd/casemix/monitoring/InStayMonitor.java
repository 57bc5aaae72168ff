package org.hqd.casemix.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.casemix.standards.GroupStandard;

/**
 * In-stay monitoring (事中监控): groups a current stay as coded so far, and compares its running cost, drug,
 * consumable and examination + laboratory charges and its days so far with the standard of that DRG; a measure
 * warns at {@code nearLevel} (default 80 %) of its standard and alerts at 100 %.
 */
public final class InStayMonitor {
    private final DrgGrouper grouper;
    private final Function<String, Optional<GroupStandard>> standards;
    private final double nearLevel;

    /** @param standards the standard of a DRG code, from the current weight version */
    public InStayMonitor(DrgGrouper grouper, Function<String, Optional<GroupStandard>> standards, double nearLevel) {
        if (!(nearLevel > 0 && nearLevel < 1)) {
            throw new IllegalArgumentException("nearLevel must be in (0, 1), was " + nearLevel);
        }
        this.grouper = grouper;
        this.standards = standards;
        this.nearLevel = nearLevel;
    }

    public InStayMonitor(DrgGrouper grouper, Function<String, Optional<GroupStandard>> standards) {
        this(grouper, standards, 0.8);
    }

    public StayAssessment assess(CurrentStay stay) {
        GroupingResult g = grouper.group(stay.soFar(), GroupingOptions.TRACED);
        Optional<GroupStandard> standard = g.status() == GroupingStatus.GROUPED ? standards.apply(g.drg())
                : Optional.empty();
        List<StayRatio> ratios = new ArrayList<>();
        standard.ifPresent(s -> {
            add(ratios, "总费用", stay.runningCost(), s.meanCost());
            add(ratios, "药品费", stay.drugCost(), s.meanDrugCost());
            add(ratios, "耗材费", stay.materialCost(), s.meanConsumableCost());
            add(ratios, "检查化验费", stay.examLabCost(), s.meanExamLabCost());
            add(ratios, "住院天数", Math.max(0, stay.soFar().losDays()), s.meanLos());
        });
        return new StayAssessment(g, standard, ratios);
    }

    private void add(List<StayRatio> ratios, String measure, double actual, double standard) {
        if (standard <= 0) {
            return; // nothing to compare with: no ratio rather than an infinite one
        }
        double ratio = actual / standard;
        StayRatio.Alert alert = ratio >= 1 ? StayRatio.Alert.OVER : ratio >= nearLevel ? StayRatio.Alert.NEAR
                : StayRatio.Alert.NONE;
        ratios.add(new StayRatio(measure, actual, standard, ratio, alert));
    }
}
