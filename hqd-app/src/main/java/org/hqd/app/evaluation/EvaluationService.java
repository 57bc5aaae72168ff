package org.hqd.app.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.LoadedTargets;
import org.hqd.evaluation.TargetSet;
import org.hqd.evaluation.Weights;
import org.hqd.hospital.Hospital;
import org.hqd.store.evaluation.MeasureQuery;
import org.hqd.store.evaluation.RegionEvaluation;
import org.hqd.store.evaluation.TargetStore;

/**
 * The evaluation of a region's hospitals (DESIGN §4): the evaluation of a period on an indicator and target set, its
 * months for the trends, the hospitals of the register, the months of the data, and the target sets (loading one is
 * a change with its audit entry). The DRG weights the measures need are the caller's to ensure first
 * ({@link org.hqd.app.standards.StandardsService#ensureComputed()}), so that it can say when they are computed.
 */
public final class EvaluationService {
    private final DataAccess data;
    private final Clock clock;

    public EvaluationService(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The evaluation of the request with the standard catalogue and weights: the hospitals the set applies to (the
     * others listed as not applicable), their rows and scores, and every indicator's tier figures.
     */
    public Evaluation evaluate(EvaluationRequest request) {
        return data.with(d -> new RegionEvaluation(d, Weights.standard()).evaluate(request));
    }

    /** The evaluation of each month of the request's period, by month. */
    public Map<String, Evaluation> monthly(EvaluationRequest request) {
        return data.with(d -> new RegionEvaluation(d, Weights.standard()).monthly(request));
    }

    /** The months the cases were discharged in, first to last; empty without cases. */
    public Optional<EvaluationPeriod> dischargeMonths() {
        return data.with(d -> new MeasureQuery(d).dischargeMonths());
    }

    /** The hospitals (of a region: a province, city or county code), as the register and the cases know them. */
    public List<Hospital> hospitals(Optional<String> region) {
        return data.with(d -> new MeasureQuery(d).hospitals(region));
    }

    /** The ids of the target sets, the built-in ones and those loaded. */
    public List<String> targetIds() {
        return data.with(d -> targets(d).ids());
    }

    /** The id of the default target set. */
    public String defaultTargetId() {
        return data.with(d -> targets(d).defaultId());
    }

    /** A target set by id; empty: the default one. */
    public TargetSet targetSet(Optional<String> id) {
        return data.with(d -> targets(d).get(id));
    }

    /**
     * Loads a target set (TSV text of the file named {@code file}), checked, and makes it the default; one of the same
     * id is replaced. Stored with its audit entry.
     */
    public LoadedTargets loadTargets(Actor actor, String text, String file) {
        Instant now = clock.instant();
        return data.inTransaction("载入目标集 " + file, d -> {
            LoadedTargets l = targets(d).load(text, file);
            AuditTrail.record(d, now, actor, "设置变更", "载入目标集 " + l.set().id() + "（" + file + "）并设为默认");
            return l;
        });
    }

    private static TargetStore targets(org.hqd.store.DataDirectory d) {
        return new TargetStore(d, IndicatorCatalog.standard());
    }
}
