package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.hqd.HqdException;
import org.hqd.access.Scope;
import org.hqd.app.DataAccess;
import org.hqd.app.payment.PaymentService;
import org.hqd.casemix.CaseFilter;
import org.hqd.payment.CostLevel;
import org.hqd.payment.UnitCostOutput;
import org.hqd.web.UnitVisibility.UnitKind;

/**
 * {@code GET /api/costs}: cost-output as the insurer pays, by hospital, department, physician or DRG (病组盈亏: a
 * hospital's DRGs, or the province's).
 */
final class CostOutputApi {
    private final ReadAnswers answers;
    private final UnitVisibility units;
    private final PaymentService payment;

    CostOutputApi(DataAccess db, Clock clock, ReadAnswers answers, UnitVisibility units) {
        this.answers = answers;
        this.units = units;
        this.payment = new PaymentService(db, clock);
    }

    /**
     * {@code GET /api/costs?by=hospital|department|physician|drg&hospital=&department=&from=&to=}: cost-output as the
     * insurer pays (the payment in force: official weights, else HQD's at the saved or budget-neutral rate; insured
     * cases only): payment, cost, balance, the margin on cost and the categories over their standards. By DRG without a
     * hospital: the province's DRGs, for a user who sees every hospital; {@code department} (with a hospital) keeps one
     * department's cases (a department user: always its own).
     */
    void costs(Context ctx) {
        answers.responses.send(ctx, () -> costsAnswer(ctx));
    }

    /**
     * Computes every hospital's departments, physicians and DRGs over the whole period, from which a hospital's page
     * takes its rows ({@link ProvinceFirst}); only on standards already computed, as the warm-up does not compute
     * them (the costs page does, when opened).
     */
    void warm(boolean standardsComputed) {
        if (!standardsComputed) {
            return;
        }
        try {
            unitCosts(CostLevel.DEPARTMENT, CaseFilter.ALL);
            unitCosts(CostLevel.PHYSICIAN, CaseFilter.ALL);
            hospitalDrgCosts(CaseFilter.ALL);
        } catch (HqdException e) {
            // no insured cases: the page says why when it is opened
        }
    }

    private Object costsAnswer(Context ctx) {
        Params.only(ctx, "by", "hospital", "department", "from", "to");
        Scope scope = Access.scope(ctx);
        CostLevel level = switch (Params.text(ctx, "by").orElse("hospital")) {
            case "hospital" -> CostLevel.HOSPITAL;
            case "department" -> CostLevel.DEPARTMENT;
            case "physician" -> CostLevel.PHYSICIAN;
            case "drg" -> CostLevel.DRG;
            default -> throw new BadRequestResponse("参数 by 应为 hospital、department、physician 或 drg");
        };
        if (scope.department().isPresent() && level == CostLevel.HOSPITAL) {
            throw new ForbiddenResponse("科室用户只能查看本科室及其医生的数据");
        }
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        CaseFilter filter = Params.filter(ctx, hospital);
        if (level == CostLevel.DRG) {
            return drgCosts(ctx, scope, filter);
        }
        if (Params.text(ctx, "department").isPresent()) {
            throw new BadRequestResponse("参数 department 只用于按病组（by=drg）");
        }
        List<UnitCostOutput> lines = unitCosts(level, filter);
        Map<String, String> physicianDepartments = units.physicianDepartments(scope, level == CostLevel.PHYSICIAN,
                filter);
        return lines.stream().filter(l -> UnitVisibility.visible(scope, UnitKind.valueOf(level.name()), l.unit(),
                physicianDepartments)).toList();
    }

    /**
     * The units' cost-output of a filter (the basis is the period's, the same for every hospital): a hospital's rows
     * are those of the province's answer for the period when there is one ({@link ProvinceFirst}).
     */
    private List<UnitCostOutput> unitCosts(CostLevel level, CaseFilter filter) {
        Function<CaseFilter, List<UnitCostOutput>> compute = f -> payment.costs(level, f, OptionalDouble.empty())
                .units();
        return answers.provinceFirst.answer(f -> "costs|" + level + "|" + f, filter,
                ProvinceFirst.rowsOf(UnitCostOutput::unit), compute);
    }

    /**
     * A hospital's DRGs' cost-output: from the province's lines of every hospital's DRGs of the period
     * ({@link CostLevel#HOSPITAL_DRG}) when a second hospital asks for the period, else its own query.
     */
    private List<UnitCostOutput> hospitalDrgCosts(CaseFilter filter) {
        Function<CaseFilter, CostLevel> level = f -> f.hospital().isPresent() ? CostLevel.DRG : CostLevel.HOSPITAL_DRG;
        return answers.provinceFirst.answer(f -> "costs|" + level.apply(f) + "|" + f, filter,
                ProvinceFirst.rowsUnder(UnitCostOutput::unit, UnitCostOutput::withUnit),
                f -> payment.costs(level.apply(f), f, OptionalDouble.empty()).units());
    }

    /**
     * A hospital's DRGs (of one department when asked, and always for a department user), the biggest loss first; for a
     * user who sees every hospital and names none, the province's DRGs (every hospital's cases of a DRG together).
     */
    private List<UnitCostOutput> drgCosts(Context ctx, Scope scope, CaseFilter filter) {
        if (filter.hospital().isEmpty() && scope.hospitals().isEmpty() && Params.text(ctx, "department").isEmpty()) {
            return answers.results.get("costs|DRG|" + filter, () -> payment.costs(CostLevel.DRG, filter,
                    OptionalDouble.empty()).units());
        }
        String hospital = filter.hospital().orElseThrow(() -> new BadRequestResponse(
                "按病组（by=drg）查看" + (Params.text(ctx, "department").isPresent() ? "科室的" : "本地区医院的")
                        + "盈亏须选择医院（参数 hospital）"));
        Optional<String> department = scope.department().or(() -> Params.text(ctx, "department"));
        if (scope.department().isPresent() && Params.text(ctx, "department").filter(d -> !d.equals(
                scope.department().get())).isPresent()) {
            throw new ForbiddenResponse("科室用户只能查看本科室的数据");
        }
        if (department.isEmpty()) {
            return hospitalDrgCosts(filter);
        }
        List<UnitCostOutput> all = answers.results.get("costs|DEPARTMENT_DRG|" + filter, () -> payment.costs(
                CostLevel.DEPARTMENT_DRG, filter, OptionalDouble.empty()).units());
        List<UnitCostOutput> mine = under(all, hospital + "/" + department.get() + "/");
        if (mine.isEmpty()) {
            throw new NotFoundResponse("科室 " + Params.clip(department.get()) + " 在 " + hospital
                    + " 所选期间没有医保结算病例");
        }
        return mine;
    }

    /** The lines whose unit is {@code prefix} + one more name (no slash), named by it alone, in their order. */
    private static List<UnitCostOutput> under(List<UnitCostOutput> lines, String prefix) {
        return lines.stream().filter(l -> l.unit().startsWith(prefix) && l.unit().indexOf('/', prefix.length()) < 0)
                .map(l -> l.withUnit(l.unit().substring(prefix.length()))).toList();
    }
}
