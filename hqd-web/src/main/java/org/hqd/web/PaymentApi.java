package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hqd.access.Scope;
import org.hqd.app.DataAccess;
import org.hqd.app.NotFoundException;
import org.hqd.app.ResultCache;
import org.hqd.app.payment.ComplianceResult;
import org.hqd.app.payment.ComplianceService;
import org.hqd.app.payment.PaymentService;
import org.hqd.app.payment.Presettlement;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.compliance.ComplianceFlag;
import org.hqd.compliance.ComplianceRules;
import org.hqd.payment.MonthLine;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.Settlement;

/**
 * The insurer's payment and compliance screening for insurer (admin, regulator) and hospital users: monthly
 * pre-settlement, the cases that lose most, one case's settlement explained, and the compliance flags — each scoped to
 * the hospitals the user may see; department users have no access (payment is a hospital's, not a department's).
 */
final class PaymentApi {
    /** A settled case as the page shows it. */
    record SettledCase(String hospitalId, String recordId, String payer, String payerName, boolean insured, String drg,
                       Double weight, String caseType, String caseTypeLabel, String rule, Double points, Double payment,
                       double cost, Double balance) {
        /** The settled case; {@code payerNames}: the 医疗付款方式 of each payer value (the value itself if unknown). */
        static SettledCase of(Settlement s, Map<String, String> payerNames) {
            return new SettledCase(s.hospitalId(), s.recordId(), s.payer(),
                    payerNames.getOrDefault(s.payer().strip(), s.payer()), s.insured(), s.group(),
                    Double.isNaN(s.weight()) ? null : s.weight(), s.type().code(), s.type().label(), s.rule(),
                    Double.isNaN(s.points()) ? null : s.points(), s.insured() ? s.paymentFen() / 100.0 : null,
                    s.costFen() / 100.0, s.insured() ? s.balanceFen() / 100.0 : null);
        }
    }

    /** How many losing cases the payment page shows. */
    private static final int SHOWN = 200;

    private final PaymentService payment;
    private final ComplianceService compliance;
    /** Results by query; 1,024: the payment page of 50 hospitals' users over two periods holds ≈ 300. */
    private final ResultCache cache = new ResultCache(1024);
    /** The answers as sent (like the results, kept for the server's life: nothing it changes moves them). */
    private final JsonResponses responses = new JsonResponses(1024);
    private final ProvinceFirst provinceFirst;

    /** @param background where the province's answer of a period is computed once two hospitals asked for it */
    PaymentApi(DataAccess db, Clock clock, RulePackCatalog packs, java.util.concurrent.Executor background) {
        this.provinceFirst = new ProvinceFirst(cache, background);
        this.payment = new PaymentService(db, clock);
        this.compliance = ComplianceService.sharingPeriods(db, packs);
    }

    /** {@code GET /api/payment?from=&to=&hospital=&method=drg|dip}: the basis and monthly pre-settlement lines. */
    void summary(Context ctx) {
        responses.send(ctx, () -> summaryAnswer(ctx));
    }

    private Object summaryAnswer(Context ctx) {
        Params.only(ctx, "from", "to", "hospital", "method");
        CaseFilter filter = filter(ctx);
        PaymentMethod method = method(ctx);
        Presettlement p = monthly(method, filter);
        Scope scope = Access.scope(ctx);
        List<MonthLine> lines = p.lines().stream().filter(l -> scope.allowsHospital(l.hospitalId())).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("basis", p.basis().describe());
        out.put("yuanPerPoint", p.basis().yuanPerPoint());
        out.put("months", lines.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", l.month());
            m.put("hospitalId", l.hospitalId());
            m.put("cases", l.cases());
            m.put("points", l.points());
            m.put("payment", l.paymentFen() / 100.0);
            m.put("cost", l.costFen() / 100.0);
            m.put("balance", l.balanceFen() / 100.0);
            m.put("normal", l.normal());
            m.put("high", l.high());
            m.put("low", l.low());
            m.put("special", l.special());
            m.put("ungrouped", l.ungrouped());
            m.put("notInsured", l.notInsured());
            return m;
        }).toList());
        return out;
    }

    /**
     * The monthly pre-settlement of a filter (its basis is the period's, the same for every hospital): a hospital's
     * lines are those of the province's answer for the period when there is one ({@link ProvinceFirst}).
     */
    private Presettlement monthly(PaymentMethod method, CaseFilter filter) {
        return provinceFirst.answer(f -> "monthly|" + method + "|" + f, filter,
                (Presettlement all, String h) -> new Presettlement(all.basis(),
                        ProvinceFirst.hospitalRows(MonthLine::hospitalId).apply(all.lines(), h)),
                f -> payment.monthly(method, f));
    }

    /**
     * Computes the province's monthly DRG pre-settlement and each hospital's losing cases of the whole period (the
     * page's default), at start.
     */
    void warmSettlement() {
        try {
            monthly(PaymentMethod.DRG, CaseFilter.ALL);
            worst(PaymentMethod.DRG, CaseFilter.ALL);
        } catch (org.hqd.HqdException e) {
            // no weights or no insured cases yet: the page says why when it is opened
        }
    }

    /** {@code GET /api/payment/cases?from=&to=&hospital=&method=}: the 200 insured cases that lose most. */
    void cases(Context ctx) {
        responses.send(ctx, () -> casesAnswer(ctx));
    }

    private Object casesAnswer(Context ctx) {
        Params.only(ctx, "from", "to", "hospital", "method");
        CaseFilter filter = filter(ctx);
        PaymentMethod method = method(ctx);
        Scope scope = Access.scope(ctx);
        List<Settlement> rows = filter.hospital().isPresent() ? worst(method, filter)
                : cache.get("cases|" + method + "|" + filter, () -> payment.cases(method, filter, 2000));
        Map<String, String> payers = payerNames(method);
        return rows.stream().filter(s -> s.insured() && scope.allowsHospital(s.hospitalId())).limit(SHOWN)
                .map(s -> SettledCase.of(s, payers)).toList();
    }

    /**
     * A hospital's {@link #SHOWN} insured cases that lose most: from the province's worst cases of each hospital of the
     * period when a second hospital asks for the period ({@link ProvinceFirst}), else its own query.
     */
    private List<Settlement> worst(PaymentMethod method, CaseFilter filter) {
        return provinceFirst.answer(f -> "worst|" + method + "|" + f, filter,
                ProvinceFirst.hospitalRows(Settlement::hospitalId), f -> payment.worstOfEachHospital(method, f, SHOWN));
    }

    private Map<String, String> payerNames(PaymentMethod method) {
        return cache.get("payers|" + method, () -> payment.payerNames(method));
    }

    /** {@code GET /api/payment/cases/{hospital}/{record}?method=}: one case's settlement, step by step. */
    void explain(Context ctx) {
        Params.only(ctx, "method");
        Access.requireWholeHospital(ctx);
        String hospital = ctx.pathParam("hospital");
        Access.requireHospital(ctx, hospital);
        try {
            PaymentMethod method = method(ctx);
            Settlement s = payment.explain(method, hospital, ctx.pathParam("record"));
            ctx.json(Map.of("settlement", SettledCase.of(s, payerNames(method)), "trace", s.trace()));
        } catch (NotFoundException e) {
            throw new NotFoundResponse(e.withoutHint());
        }
    }

    /** Loads the scheme's CC/MCC tables the compliance screen needs, in the background at start ({@link Warmup}). */
    void warm() {
        compliance.loadTables();
    }

    /** Computes the province's part of the compliance screens of the whole period (the page's default), at start. */
    void warmCompliance() {
        try {
            compliance.warm(CaseFilter.ALL, ComplianceRules.standard());
        } catch (org.hqd.HqdException e) {
            // no weights or no insured cases yet: nothing to share, the page says why when it is opened
        }
    }

    /**
     * {@code GET /api/compliance} when its answer is kept: sent without the screening's guard (a kept answer costs
     * nothing); otherwise {@code screening} runs (the guarded {@link #compliance}).
     */
    Handler complianceKept(Handler screening) {
        return ctx -> {
            if (!responses.sendKept(ctx)) {
                screening.handle(ctx);
            }
        };
    }

    /** {@code GET /api/compliance?from=&to=&hospital=}: the flags of the bundled rules the user may see. */
    void compliance(Context ctx) {
        responses.send(ctx, () -> complianceAnswer(ctx));
    }

    private Object complianceAnswer(Context ctx) {
        Params.only(ctx, "from", "to", "hospital");
        CaseFilter filter = filter(ctx);
        Scope scope = Access.scope(ctx);
        ComplianceResult r = cache.get("compliance|" + filter, () -> compliance.screen(filter,
                ComplianceRules.standard()));
        List<ComplianceFlag> flags = r.flags().stream().filter(f -> scope.allowsHospital(f.hospitalId())).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", r.rules().rules().stream().map(x -> Map.of("id", x.id(), "label", x.label(), "kind",
                x.kind().label(), "source", x.source())).toList());
        out.put("total", flags.size());
        out.put("flags", flags.stream().limit(2000).toList());
        return out;
    }

    /** The period and hospital of a request; a hospital user's own hospital; department users refused. */
    private static CaseFilter filter(Context ctx) {
        Access.requireWholeHospital(ctx);
        Scope scope = Access.scope(ctx);
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        return Params.filter(ctx, hospital);
    }

    private static PaymentMethod method(Context ctx) {
        String m = Params.text(ctx, "method").orElse("drg").toUpperCase(Locale.ROOT);
        try {
            return PaymentMethod.valueOf(m);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("参数 method 应为 drg 或 dip");
        }
    }
}
