package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.app.ResultCache;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingOptions;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.monitoring.CurrentStay;
import org.hqd.casemix.monitoring.InStayMonitor;
import org.hqd.casemix.monitoring.StayAssessment;
import org.hqd.casemix.standards.GroupStandard;

/**
 * One case at a time, e.g. from a HIS: {@code POST /api/group} groups a case with the trace, {@code POST
 * /api/monitor} assesses a stay in progress against the standards of its expected DRG.
 */
final class CaseApi {
    /** A case as the HIS sends it; codes are the scheme's. */
    record CaseIn(String sex, Integer age, Integer ageDays, Integer birthWeight, Integer los, String dischargeMethod,
                  List<String> dx, List<String> procs, Double cost, Double drug, Double material, Double examLab) { }

    private final StandardsService standards;
    private final DrgGrouper grouper;
    private final ResultCache cache = new ResultCache(4);

    CaseApi(StandardsService standards, DrgGrouper grouper) {
        this.standards = standards;
        this.grouper = grouper;
    }

    void group(Context ctx) {
        Params.only(ctx);
        GroupingResult r = grouper.group(abstractOf(read(ctx)), GroupingOptions.TRACED);
        ctx.json(r);
    }

    void monitor(Context ctx) {
        Params.only(ctx);
        CaseIn in = read(ctx);
        if (in.los() == null || in.cost() == null) {
            throw new BadRequestResponse("在院监控需要 los（已住院天数）和 cost（目前总费用）");
        }
        Map<String, GroupStandard> standards = cache.get("standards", this.standards::byDrg);
        StayAssessment a = new InStayMonitor(grouper, drg -> Optional.ofNullable(standards.get(drg)))
                .assess(new CurrentStay(abstractOf(in), in.cost(), nz(in.drug()), nz(in.material()), nz(in.examLab())));
        ctx.json(Map.of("expectedGroup", a.expectedGroup(), "standard", a.standard().orElse(null) == null ? Map.of()
                : a.standard().get(), "ratios", a.ratios(), "warnings", a.warnings()));
    }

    private static CaseIn read(Context ctx) {
        CaseIn in = Params.body(ctx, CaseIn.class);
        if (in.dx() == null || in.dx().isEmpty() || in.sex() == null || in.age() == null) {
            throw new BadRequestResponse("请求体至少需要 sex（1 男 / 2 女）、age（岁）和 dx（诊断编码数组，主要诊断在前）");
        }
        if (in.dx().size() > 50 || (in.procs() != null && in.procs().size() > 50)) {
            throw new BadRequestResponse("诊断或手术操作不能超过 50 个");
        }
        if (in.dx().stream().anyMatch(c -> c == null || c.isBlank())
                || (in.procs() != null && in.procs().stream().anyMatch(c -> c == null || c.isBlank()))) {
            throw new BadRequestResponse("诊断和手术操作编码不能为空或 null");
        }
        return in;
    }

    private static DischargeAbstract abstractOf(CaseIn in) {
        List<String> procs = in.procs() == null ? List.of() : in.procs();
        Sex sex = Sex.fromCode(in.sex()).orElseThrow(() -> new HqdException("sex 应为 1（男）或 2（女）"));
        return DischargeAbstract.builder().recordId("api").sex(sex).ageYears(in.age())
                .ageDays(in.ageDays() == null ? -1 : in.ageDays())
                .birthWeightG(in.birthWeight() == null ? -1 : in.birthWeight())
                .losDays(in.los() == null ? -1 : in.los())
                .dischargeMethod(in.dischargeMethod() == null ? "1" : in.dischargeMethod())
                .principalDx(in.dx().get(0)).secondaryDx(in.dx().subList(1, in.dx().size()))
                .principalProc(procs.isEmpty() ? "" : procs.get(0))
                .otherProcs(procs.isEmpty() ? List.of() : procs.subList(1, procs.size())).build();
    }

    private static double nz(Double d) {
        return d == null ? 0 : d;
    }
}
