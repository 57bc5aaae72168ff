package org.hqd.app.payment;

import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.app.NotFoundException;
import org.hqd.casemix.CaseFilter;
import org.hqd.payment.CaseCostSource;
import org.hqd.payment.Clearing;
import org.hqd.payment.ClearingCell;
import org.hqd.payment.ClearingRecord;
import org.hqd.payment.CostLevel;
import org.hqd.payment.PaymentEvaluator;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.Settlement;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.payment.ClearingStore;
import org.hqd.store.query.CostOutputQuery;

/**
 * The insurer's settlement use cases: per-case settlement (CSV, or one case explained step by step), monthly
 * pre-settlement, the year-end 清算 of the fund (stored with its audit entry when asked) and the cost-output of units
 * under the payment in force. What they are computed on is resolved per call (see {@link SettlementBasis}).
 */
public final class PaymentService {
    private final DataAccess data;
    private final Clock clock;

    public PaymentService(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a settlement of the period would be computed on. */
    public SettlementBasis basis(PaymentMethod method, CaseFilter period) {
        return data.with(d -> Bases.resolve(d, method, period, OptionalDouble.empty()).info());
    }

    /** Writes the settlement of every case of the filter as CSV (the columns of {@code hqd payment settle}). */
    public SettlementBasis settle(PaymentMethod method, CaseFilter filter, Writer out) {
        return data.with(d -> {
            Bases.Resolved r = Bases.resolve(d, method, filter, OptionalDouble.empty());
            r.query(d).writeCsv(filter, out);
            return r.info();
        });
    }

    /** Writes the same CSV to a file with the database's writer (the fast path for a province); returns the count. */
    public long settleToFile(PaymentMethod method, CaseFilter filter, Path file) {
        return data.with(d -> Bases.resolve(d, method, filter, OptionalDouble.empty()).query(d).copyCsv(filter, file));
    }

    /** The settled cases of the filter (no trace), worst balance first; at most {@code limit}. */
    public List<Settlement> cases(PaymentMethod method, CaseFilter filter, int limit) {
        return data.with(d -> Bases.resolve(d, method, filter, OptionalDouble.empty()).query(d).rows(filter, limit));
    }

    /**
     * The insured cases of each hospital of the filter that lose most (no trace): at most {@code perHospital} a
     * hospital, by hospital, then worst balance first — a hospital's are the first insured cases of {@link #cases} of
     * that hospital, in the same order.
     */
    public List<Settlement> worstOfEachHospital(PaymentMethod method, CaseFilter filter, int perHospital) {
        return data.with(d -> Bases.resolve(d, method, filter, OptionalDouble.empty()).query(d)
                .worstOfEachHospital(filter, perHospital));
    }

    /**
     * The name of the payment method (医疗付款方式) each payer value of the rules in force stands for: its code, its
     * name and its aliases, as the cases may carry any of them.
     */
    public Map<String, String> payerNames(PaymentMethod method) {
        return data.with(d -> {
            Map<String, String> names = new HashMap<>();
            Bases.resolve(d, method, CaseFilter.ALL, OptionalDouble.empty()).rules().payers().values()
                    .forEach((value, payer) -> names.put(value, payer.name()));
            return Map.copyOf(names);
        });
    }

    /** One case's settlement with the steps that led to it, by the core's evaluator on the same basis. */
    public Settlement explain(PaymentMethod method, String hospitalId, String recordId) {
        return data.with(d -> {
            Bases.Resolved r = Bases.resolve(d, method, CaseFilter.ALL, OptionalDouble.empty());
            var c = r.query(d).input(hospitalId, recordId).orElseThrow(() -> new NotFoundException(
                    "没有病例 " + hospitalId + " / " + recordId));
            return PaymentEvaluator.of(r.rules(), r.weights(), r.info().yuanPerPoint(), CaseCostSource.CHARGES)
                    .settle(c, true);
        });
    }

    /** Monthly pre-settlement per hospital. */
    public Presettlement monthly(PaymentMethod method, CaseFilter filter) {
        return data.with(d -> {
            Bases.Resolved r = Bases.resolve(d, method, filter, OptionalDouble.empty());
            return new Presettlement(r.info(), r.query(d).monthly(filter));
        });
    }

    /**
     * The year-end 清算: the fund shared over the year's insured cases by points (point value = fund / points),
     * hospital × group, to the fen; pre-settlement at the basis's point value is what was already paid. With
     * {@code save} the result is stored with its audit entry.
     */
    public ClearingResult clear(Actor actor, PaymentMethod method, int year, long fundFen, boolean save) {
        if (fundFen <= 0) {
            throw new HqdException("基金总额应为正数，实际为 " + fundFen / 100.0);
        }
        CaseFilter period = new CaseFilter(Optional.of(LocalDate.of(year, 1, 1)), Optional.of(LocalDate.of(year, 12, 31)),
                Optional.empty());
        Instant now = clock.instant();
        return data.with(d -> {
            Bases.Resolved r = Bases.resolve(d, method, period, OptionalDouble.empty());
            List<ClearingCell> cells = r.query(d).cells(period);
            if (cells.stream().mapToDouble(ClearingCell::points).sum() <= 0) {
                throw new HqdException(year + " 年没有基金支付的出院病例，无法清算");
            }
            Clearing c = Clearing.of(fundFen, cells);
            if (!save) {
                return new ClearingResult(r.info(), year, c, OptionalInt.empty());
            }
            int id = DataAccess.transaction(d, "保存 " + year + " 年清算", () -> {
                int saved = new ClearingStore(d).save(method, year, c, r.info().weights(), r.info().rulesId(), now,
                        actor.name());
                AuditTrail.record(d, now, actor, "医保清算", String.format("%d 年%s清算 %d：基金 %.2f 元，总点数 %.4f，点值 %.6f 元",
                        year, method == PaymentMethod.DIP ? " DIP " : " DRG ", saved, fundFen / 100.0, c.totalPoints(),
                        c.pointValue()));
                return saved;
            });
            return new ClearingResult(r.info(), year, c, OptionalInt.of(id));
        });
    }

    /** The stored 清算, newest first. */
    public List<ClearingRecord> clearings() {
        return data.with(d -> new ClearingStore(d).list());
    }

    /**
     * Cost-output of every unit under DRG payment as the insurer pays it (insured cases only); with a base rate, on
     * HQD's weights at that rate instead of the payment in force.
     */
    public CostOutputs costs(CostLevel level, CaseFilter filter, OptionalDouble baseRate) {
        return data.with(d -> {
            boolean computed = new org.hqd.store.payment.PaymentStore(d).inForce().isEmpty()
                    && new org.hqd.store.standards.StandardsStore(d).ensureComputed(Bases.scheme(d)).computedNow();
            Bases.Resolved r = Bases.resolve(d, PaymentMethod.DRG, filter, baseRate);
            List<UnitCostOutput> units = new CostOutputQuery(d).run(level, filter, r.rules(), r.basis(),
                    org.hqd.store.payment.CostBasis.CHARGES);
            return new CostOutputs(r.info(), Bases.scheme(d), computed, units);
        });
    }

    /** Stores a base rate (a hospital's, or the region's) with its audit entry. */
    public void saveBaseRate(Actor actor, Optional<String> hospital, double rate) {
        if (!(rate > 0)) {
            throw new HqdException("基准费率应为正数，实际为 " + rate);
        }
        String key = hospital.map(h -> CostOutputQuery.HOSPITAL_RATE_PREFIX + h).orElse(CostOutputQuery.REGION_RATE);
        Instant now = clock.instant();
        data.inTransaction("保存基准费率", d -> {
            d.putSetting(key, String.valueOf(rate));
            AuditTrail.record(d, now, actor, "设置变更", key + " = " + rate);
            return null;
        });
    }
}
