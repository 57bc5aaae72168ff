package org.hqd.store.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.IndicatorSet;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.evaluation.Monitoring;
import org.hqd.evaluation.TargetSet;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.Hospital;
import org.hqd.store.DataDirectory;

/**
 * Evaluates the hospitals of a data directory (optionally of one region) over a period against a target set: the
 * store's measures fed to the core {@link Evaluator}; or month by month for {@link Monitoring}.
 */
public final class RegionEvaluation {

    private final DataDirectory dir;
    private final IndicatorSets sets;
    private final Weights weights;

    public RegionEvaluation(DataDirectory dir, IndicatorSets sets, Weights weights) {
        this.dir = dir;
        this.sets = sets;
        this.weights = weights;
    }

    /** On the bundled indicator sets. */
    public RegionEvaluation(DataDirectory dir, Weights weights) {
        this(dir, IndicatorSets.standard(), weights);
    }

    public Evaluation evaluate(EvaluationRequest q) {
        MeasureQuery m = new MeasureQuery(dir);
        List<Hospital> hospitals = hospitals(m, q);
        boolean prior = sets.require(q.indicatorSet()).indicators().stream().anyMatch(i -> i.formula().usesPrior());
        return evaluator(q).evaluate(q.period(), m.whole(q.period(), hospitals, prior), q.allIndicators());
    }

    /** One evaluation per month of the period, in month order. */
    public Map<String, Evaluation> monthly(EvaluationRequest q) {
        MeasureQuery m = new MeasureQuery(dir);
        List<Hospital> hospitals = hospitals(m, q);
        Evaluator e = evaluator(q);
        Map<String, Evaluation> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<HospitalMeasures>> month : m.monthly(q.period(), hospitals).entrySet()) {
            out.put(month.getKey(), e.evaluate(EvaluationPeriod.parse(month.getKey()), month.getValue(),
                    q.allIndicators()));
        }
        return out;
    }

    private Evaluator evaluator(EvaluationRequest q) {
        IndicatorSet set = sets.require(q.indicatorSet());
        TargetSet targets = new TargetStore(dir, sets.catalogue()).get(set, q.targetSet());
        return new Evaluator(set, targets, weights, q.margin());
    }

    private static List<Hospital> hospitals(MeasureQuery m, EvaluationRequest q) {
        List<Hospital> hospitals = m.hospitals(q.region());
        if (hospitals.isEmpty()) {
            // a listed region by its name and code (北京市（110000）), another by its code once (地区 990999)
            throw new org.hqd.HqdException(q.region().map(r -> org.hqd.hospital.Regions.standard().name(r)
                    .map(n -> n + "（" + r + "）").orElse("地区 " + r) + " 没有登记的医院").orElse("数据目录中没有医院"));
        }
        return hospitals;
    }
}
