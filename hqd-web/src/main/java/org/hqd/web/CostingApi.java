package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hqd.access.Scope;
import org.hqd.app.DataAccess;
import org.hqd.app.ResultCache;
import org.hqd.app.costing.CostingService;
import org.hqd.app.costing.DepartmentCosts;
import org.hqd.app.costing.DrgCosts;
import org.hqd.costing.CostingSummary;
import org.hqd.costing.DepartmentCost;

/**
 * The cost accounting's API (成本核算), read-only: the stored runs, a costed hospital-year's departments after
 * stepwise allocation, and DRG cost and margin. Hospital users see their own hospital, regulators the hospitals of
 * their scope, admins all; department users see none of it (the allocation is the hospital's). Amounts in yuan.
 * Answers are kept as the bytes sent: the stored runs change only by a costing run, which no server request makes.
 */
final class CostingApi {
    /** A run as the page lists it. */
    record Run(String hospitalId, int year, String rulesId, int months, double totalCost, long cases, long costedCases) { }

    /** A department's line with its class's Chinese name. */
    record Department(String department, String costClass, String classLabel, double direct, double allocatedIn,
                      double allocatedOut, double full, double outpatient, double inpatient) { }

    /** {@code GET /api/costing/departments}: the lines, Σ direct cost and Σ full cost (equal: allocation moves money). */
    record Departments(Run run, String rulesName, List<Department> departments, double totalDirect, double totalFull) { }

    private final CostingService costing;
    private final JsonResponses responses = new JsonResponses(512);
    /** The stored hospital-years' department lines, read once (the warm-up reads every run's). */
    private final ResultCache departments = new ResultCache(4096);

    CostingApi(DataAccess db, Clock clock) {
        this.costing = new CostingService(db, clock);
    }

    /** Reads every stored run's department lines ahead of the first reader (the warm-up's step). */
    void warm() {
        costing.runs().forEach(r -> departments(r.hospitalId(), r.year()));
    }

    private Optional<DepartmentCosts> departments(String hospital, int year) {
        return departments.get(hospital + "|" + year, () -> costing.departments(hospital, year));
    }

    /** {@code GET /api/costing/runs}: the runs of the hospitals the user may see. */
    void runs(Context ctx) {
        responses.send(ctx, () -> {
            Params.only(ctx);
            Access.requireWholeHospital(ctx);
            Scope scope = Access.scope(ctx);
            List<CostingSummary> runs = costing.runs();
            return runs.stream().filter(r -> scope.allowsHospital(r.hospitalId())).map(CostingApi::run).toList();
        });
    }

    /** {@code GET /api/costing/departments?hospital=&year=}: a costed hospital-year's department lines. */
    void departments(Context ctx) {
        responses.send(ctx, () -> departmentsAnswer(ctx));
    }

    private Departments departmentsAnswer(Context ctx) {
        Params.only(ctx, "hospital", "year");
        Access.requireWholeHospital(ctx);
        String hospital = hospital(ctx);
        int year = Params.integer(ctx, "year", 2000, 2100).orElseThrow(() -> new BadRequestResponse("缺少参数 year"));
        DepartmentCosts d = departments(hospital, year)
                .orElseThrow(() -> new NotFoundResponse(Params.clip(hospital) + " " + year + " 年尚未核算成本"));
        return new Departments(run(d.run()), d.rulesName(), d.departments().stream().map(CostingApi::department).toList(),
                d.run().totalDirect() / 100.0, d.fullCost() / 100.0);
    }

    /** {@code GET /api/costing/drgs?hospital=&year=}: DRG cost and margin of a hospital's costed cases. */
    void drgs(Context ctx) {
        responses.send(ctx, () -> drgsAnswer(ctx));
    }

    private DrgCosts drgsAnswer(Context ctx) {
        Params.only(ctx, "hospital", "year");
        Access.requireWholeHospital(ctx);
        Scope scope = Access.scope(ctx);
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        if (hospital.isEmpty() && scope.hospitals().isPresent()) {
            throw new BadRequestResponse("请选择医院");
        }
        int year = Params.integer(ctx, "year", 2000, 2100).orElseThrow(() -> new BadRequestResponse("缺少参数 year"));
        return costing.drgs(hospital, year, Optional.empty());
    }

    private static String hospital(Context ctx) {
        Optional<String> h = Params.text(ctx, "hospital").or(Access.scope(ctx)::ownHospital);
        String hospital = h.orElseThrow(() -> new BadRequestResponse("请选择医院"));
        Access.requireHospital(ctx, hospital);
        return hospital;
    }

    private static Run run(CostingSummary r) {
        return new Run(r.hospitalId(), r.year(), r.rulesId(), r.months(), r.totalDirect() / 100.0, r.cases(),
                r.costedCases());
    }

    private static Department department(DepartmentCost c) {
        return new Department(c.department(), c.costClass().name(), c.costClass().label(), c.direct() / 100.0,
                c.allocatedIn() / 100.0, c.allocatedOut() / 100.0, c.full() / 100.0, c.outpatient() / 100.0,
                c.inpatient() / 100.0);
    }
}
