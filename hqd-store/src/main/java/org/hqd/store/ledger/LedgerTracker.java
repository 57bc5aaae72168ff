package org.hqd.store.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.hqd.store.DataDirectory;
import org.hqd.store.evaluation.MeasureQuery;
import org.hqd.store.ledger.LedgerStore.StoredTask;

/**
 * Puts stored tasks on track: each target linked to an HQD indicator is measured over the period (a hospital's
 * plan on that hospital; a region's plan as the median of the region's hospitals, with how many meet the target),
 * and {@link Tracking} gives each task its effective status from its due date, declared status and checks.
 */
public final class LedgerTracker {
    private final DataDirectory dir;
    private final IndicatorCatalog catalogue;

    public LedgerTracker(DataDirectory dir, IndicatorCatalog catalogue) {
        this.dir = dir;
        this.catalogue = catalogue;
    }

    /** The period targets are measured over by default: the last twelve months with discharges (fewer if the store has fewer). */
    public Optional<EvaluationPeriod> defaultPeriod() {
        return new MeasureQuery(dir).dischargeMonths().map(p -> {
            var months = p.months();
            return months.size() <= 12 ? p : new EvaluationPeriod(months.get(months.size() - 12), p.last());
        });
    }

    /** The tasks on track, their linked targets measured over the period (by default {@link #defaultPeriod()}). */
    public List<TrackedTask> track(List<StoredTask> tasks, Tracking tracking, Optional<EvaluationPeriod> period) {
        return track(catalogue, tasks, tracking, linksIndicators(tasks) ? measures(period) : Map.of());
    }

    /** Whether a target of the tasks is linked to an indicator (only then are measures needed). */
    public static boolean linksIndicators(List<StoredTask> tasks) {
        return tasks.stream().anyMatch(t -> t.task().targets().stream().anyMatch(x -> x.indicator().isPresent()));
    }

    /** Every hospital's measures over the period (by default {@link #defaultPeriod()}), by hospital id; none without cases. */
    public Map<String, HospitalMeasures> measures(Optional<EvaluationPeriod> period) {
        Optional<EvaluationPeriod> over = period.or(this::defaultPeriod);
        Map<String, HospitalMeasures> measures = new HashMap<>();
        if (over.isPresent()) {
            MeasureQuery q = new MeasureQuery(dir);
            for (HospitalMeasures h : q.whole(over.get(), q.hospitals(Optional.empty()))) {
                measures.put(h.hospitalId(), h);
            }
        }
        return measures;
    }

    /** The tasks on track against measures already computed, their targets' indicators read from {@code catalogue}. */
    public static List<TrackedTask> track(IndicatorCatalog catalogue, List<StoredTask> tasks, Tracking tracking,
                                          Map<String, HospitalMeasures> measures) {
        List<TrackedTask> out = new ArrayList<>(tasks.size());
        for (StoredTask s : tasks) {
            List<TargetCheck> checks = new ArrayList<>();
            for (TaskTarget t : s.task().targets()) {
                Optional<Indicator> ind = t.indicator().flatMap(catalogue::indicator);
                if (ind.isPresent()) {
                    checks.add(check(t, ind.get(), s.hospitalId(), measures));
                }
            }
            Tracking.Assessment a = tracking.assess(s.declared(), s.task().due(), checks);
            out.add(new TrackedTask(s.planId(), s.planTitle(), s.hospitalId(), s.task(), s.declared(), a.status(),
                    a.reason(), checks, s.lastNote(), s.notes()));
        }
        return out;
    }

    private static TargetCheck check(TaskTarget t, Indicator ind, Optional<String> hospital,
                                     Map<String, HospitalMeasures> measures) {
        if (hospital.isPresent()) {
            HospitalMeasures h = measures.get(hospital.get());
            OptionalDouble v = h == null ? OptionalDouble.empty() : ind.formula().evaluate(h.measures());
            return TargetCheck.of(t, v, hospital.get());
        }
        double[] values = measures.values().stream().map(h -> ind.formula().evaluate(h.measures()))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        if (values.length == 0) {
            return TargetCheck.of(t, OptionalDouble.empty(), "无数据");
        }
        int n = values.length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        long met = t.indicatorValue().isPresent()
                ? Arrays.stream(values).filter(v -> t.comparator().met(v, t.indicatorValue().getAsDouble())).count() : 0;
        return TargetCheck.of(t, OptionalDouble.of(median), n + " 家医院中位数，" + met + " 家达标");
    }
}
