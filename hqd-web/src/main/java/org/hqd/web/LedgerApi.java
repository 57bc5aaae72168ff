package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.access.Role;
import org.hqd.access.Scope;
import org.hqd.app.ledger.LedgerPlan;
import org.hqd.app.ledger.LedgerService;
import org.hqd.app.ledger.TaskUpdate;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.ledger.Deadline;
import org.hqd.ledger.ExtractedDocument;
import org.hqd.ledger.ExtractionRules;
import org.hqd.ledger.IndicatorLinks;
import org.hqd.ledger.LedgerReview;
import org.hqd.ledger.LedgerSummary;
import org.hqd.ledger.Plan;
import org.hqd.ledger.PlanDocuments;
import org.hqd.ledger.PlanParser;
import org.hqd.ledger.PlanTask;
import org.hqd.ledger.ProgressNote;
import org.hqd.ledger.TargetCheck;
import org.hqd.ledger.TaskStatus;
import org.hqd.ledger.TaskTarget;
import org.hqd.ledger.TrackedTask;
import org.hqd.ledger.Tracking;
import org.hqd.report.CjkFont;
import org.hqd.report.LedgerBriefingExcel;
import org.hqd.report.LedgerBriefingPdf;

/**
 * The ledger's API. Who sees what: a region's plans (imported without a hospital) are visible to every user, a
 * hospital's own plan to the users of that hospital and to the admins and regulators whose scope includes it. Who
 * changes what: admins everything; regulators the region's plans and those of hospitals in their scope; hospital
 * users their hospital's plans; department users nothing (they read). The use cases are {@link LedgerService}; this
 * class checks roles, parses and renders.
 */
final class LedgerApi {
    /** {@code POST /api/ledger/tasks/{id}/notes}. */
    record NoteRequest(String status, String note, String evidence, String due, String date) { }

    /** {@code POST /api/ledger/extract} and {@code POST /api/ledger/plans}: a document and, to commit, its review. */
    record DocumentRequest(String name, String text, String hospital, String review) { }

    /**
     * The longest plan text read from a page: four times the policy gazette HQD ships (23,906 characters, five plans);
     * reading the worst-shaped text of this length takes under a second of processor time (docs/security.md).
     */
    static final int MAX_PLAN_CHARS = 100_000;

    private final LedgerService ledger;
    private final Clock clock;
    private final JsonResponses responses = new JsonResponses(256);
    private final PlanParser parser = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());

    LedgerApi(LedgerService ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    static boolean visible(Scope scope, Optional<String> planHospital) {
        return planHospital.map(scope::allowsHospital).orElse(true);
    }

    static boolean changeable(Scope scope, Optional<String> planHospital) {
        return switch (scope.user().role()) {
            case ADMIN -> true;
            case REGULATOR -> planHospital.map(scope::allowsHospital).orElse(true);
            case HOSPITAL -> planHospital.isPresent() && scope.allowsHospital(planHospital.get());
            case DEPARTMENT -> false;
        };
    }

    private Tracking tracking(Context ctx) {
        LocalDate asOf = Params.date(ctx, "asOf").orElse(LocalDate.now(clock));
        return new Tracking(asOf, Tracking.DEFAULT_WARNING_DAYS);
    }

    private static Optional<EvaluationPeriod> period(Context ctx) {
        return Params.text(ctx, "period").map(EvaluationPeriod::parse);
    }

    /** Every task the user sees, on track. */
    private List<TrackedTask> tracked(Context ctx, Tracking tracking) {
        Scope scope = Access.scope(ctx);
        return ledger.tasks(tracking, period(ctx), plan -> visible(scope, plan));
    }

    /** One task the user sees, on track; 404 when there is none or it is not the user's to see. */
    private TrackedTask tracked(Context ctx, Tracking tracking, String id) {
        Scope scope = Access.scope(ctx);
        return ledger.task(id, tracking, period(ctx), plan -> visible(scope, plan))
                .orElseThrow(() -> new NotFoundResponse("没有编号为 " + Params.clip(id) + " 的任务，或无权查看"));
    }

    /**
     * Sends a reader's answer, kept as bytes under the ledger's version and the day (a task's status is tracked as of
     * today unless asked as of a day), so a second reader of the same page needs neither the store nor the tracking.
     */
    private void send(Context ctx, java.util.function.Supplier<?> answer) {
        responses.send(ctx, ledger.version() + "|" + LocalDate.now(clock), answer);
    }

    /** {@code GET /api/ledger/plans?asOf=&period=}: the plans the user sees with their progress. */
    void plans(Context ctx) {
        send(ctx, () -> plansAnswer(ctx));
    }

    private Map<String, Object> plansAnswer(Context ctx) {
        Params.only(ctx, "asOf", "period");
        Scope scope = Access.scope(ctx);
        Tracking tracking = tracking(ctx);
        LedgerSummary s = LedgerSummary.of(tracking.asOf(), tracked(ctx, tracking));
        Map<String, LedgerPlan> rows = new LinkedHashMap<>();
        ledger.plans().forEach(p -> rows.put(p.planId(), p));
        List<Map<String, Object>> out = new ArrayList<>();
        for (LedgerSummary.PlanProgress p : s.plans()) {
            LedgerPlan r = rows.get(p.planId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("planId", p.planId());
            m.put("title", p.title());
            m.put("document", r == null ? null : r.document());
            m.put("hospitalId", r == null ? null : r.hospitalId().orElse(null));
            m.put("tasks", p.total());
            m.put("counts", counts(p.counts()));
            m.put("doneShare", p.doneShare());
            m.put("canUpdate", r != null && changeable(scope, r.hospitalId()));
            out.add(m);
        }
        return Map.of("asOf", tracking.asOf().toString(), "plans", out);
    }

    private static Map<String, Integer> counts(Map<TaskStatus, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (TaskStatus st : TaskStatus.values()) {
            out.put(st.name(), counts.getOrDefault(st, 0));
        }
        return out;
    }

    /** {@code GET /api/ledger/tasks?plan=&unit=&status=&followup=&asOf=&period=}. */
    void tasks(Context ctx) {
        send(ctx, () -> tasksAnswer(ctx));
    }

    private Map<String, Object> tasksAnswer(Context ctx) {
        Params.only(ctx, "plan", "unit", "status", "followup", "asOf", "period");
        Scope scope = Access.scope(ctx);
        Optional<String> plan = Params.text(ctx, "plan");
        Optional<String> unit = Params.text(ctx, "unit");
        Optional<TaskStatus> status = Params.text(ctx, "status").map(s -> TaskStatus.of(s).orElseThrow(() ->
                new BadRequestResponse("参数 status 应为 NOT_STARTED、IN_PROGRESS、AT_RISK、OVERDUE、DONE 或其中文名")));
        boolean followUp = Params.text(ctx, "followup").map(v -> v.equals("true") || v.equals("1")).orElse(false);
        Tracking tracking = tracking(ctx);
        List<TrackedTask> all = tracked(ctx, tracking);
        List<TrackedTask> list = followUp ? LedgerSummary.of(tracking.asOf(), all).followUp() : all;
        return Map.of("asOf", tracking.asOf().toString(), "tasks", list.stream()
                .filter(t -> plan.map(p -> p.equals(t.planId())).orElse(true))
                .filter(t -> unit.map(u -> t.task().units().contains(u)).orElse(true))
                .filter(t -> status.map(s -> s == t.status()).orElse(true))
                .map(t -> task(t, changeable(scope, t.hospitalId()), false)).toList());
    }

    static Map<String, Object> task(TrackedTask t, boolean canUpdate, boolean full) {
        PlanTask k = t.task();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", k.taskId());
        m.put("planId", t.planId());
        m.put("plan", t.planTitle());
        m.put("hospitalId", t.hospitalId().orElse(null));
        m.put("section", k.section());
        m.put("taskNo", k.taskNo());
        m.put("title", k.title());
        m.put("leadUnits", k.leadUnits());
        m.put("coUnits", k.coUnits());
        m.put("deadlines", k.deadlines().stream().map(Deadline::text).toList());
        m.put("due", k.due().map(LocalDate::toString).orElse(null));
        m.put("dueDerived", k.dueDerived());
        m.put("unitsUnnamed", k.unitsUnnamed());
        m.put("targets", k.targets().stream().map(x -> target(x, t.checks())).toList());
        m.put("status", t.status().name());
        m.put("statusLabel", t.status().label());
        m.put("declared", t.declared().name());
        m.put("reason", t.reason());
        m.put("lastNoteDate", t.lastNote().map(n -> n.date().toString()).orElse(null));
        m.put("lastNote", t.lastNote().map(ProgressNote::text).orElse(null));
        m.put("notes", t.notes());
        m.put("sourceLine", k.sourceLine());
        m.put("canUpdate", canUpdate);
        if (full) {
            m.put("text", k.text());
        }
        return m;
    }

    private static Map<String, Object> target(TaskTarget x, List<TargetCheck> checks) {
        Optional<TargetCheck> c = checks.stream().filter(ch -> ch.target().equals(x)).findFirst();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", x.text());
        m.put("phrase", x.phrase());
        m.put("indicator", x.indicator().orElse(null));
        m.put("indicatorName", x.indicator().flatMap(org.hqd.evaluation.IndicatorCatalog.standard()::indicator)
                .map(org.hqd.evaluation.Indicator::name).orElse(null));
        m.put("comparator", x.comparator().symbol());
        m.put("target", x.indicatorValue().isPresent() ? x.indicatorValue().getAsDouble() : null);
        m.put("actual", c.flatMap(ch -> ch.actual().isPresent() ? Optional.of(ch.actual().getAsDouble()) : Optional.empty())
                .orElse(null));
        m.put("met", c.flatMap(TargetCheck::met).orElse(null));
        m.put("basis", c.map(TargetCheck::basis).orElse(null));
        return m;
    }

    /** {@code GET /api/ledger/tasks/{id}}: one task in full with its notes. */
    void task(Context ctx) {
        Params.only(ctx, "asOf", "period");
        Scope scope = Access.scope(ctx);
        String id = ctx.pathParam("id");
        Tracking tracking = tracking(ctx);
        TrackedTask t = tracked(ctx, tracking, id);
        Map<String, Object> m = task(t, changeable(scope, t.hospitalId()), true);
        m.put("history", ledger.notes(id).stream().map(n -> Map.of("date", n.date().toString(),
                "author", n.author(), "status", n.status().map(TaskStatus::label).orElse(""), "note", n.text(),
                "evidence", n.evidence())).toList());
        ctx.json(m);
    }

    /** {@code POST /api/ledger/tasks/{id}/notes}: progress on a task (status, note, evidence, due date). */
    void update(Context ctx) {
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        String id = ctx.pathParam("id");
        NoteRequest in = Params.body(ctx, NoteRequest.class);
        Tracking tracking = new Tracking(LocalDate.now(clock), Tracking.DEFAULT_WARNING_DAYS);
        TrackedTask t = tracked(ctx, tracking, id);
        if (!changeable(scope, t.hospitalId())) {
            throw new ForbiddenResponse(scope.user().role() == Role.DEPARTMENT ? "科室用户只能查看台账，不能更新"
                    : "无权更新这个方案的任务");
        }
        Optional<TaskStatus> status = Params.present(in.status()).map(s -> TaskStatus.of(s).orElseThrow(() ->
                new BadRequestResponse("status 应为 未启动、推进中、有风险、已完成 之一")));
        Optional<LocalDate> due = Params.present(in.due()).map(v -> Params.date(v, "due"));
        LocalDate on = Params.present(in.date()).map(v -> Params.date(v, "date")).orElse(LocalDate.now(clock));
        String note = Params.present(in.note()).orElse("");
        String evidence = Params.present(in.evidence()).orElse("");
        if (status.isEmpty() && due.isEmpty() && note.isEmpty() && evidence.isEmpty()) {
            throw new BadRequestResponse("没有要更新的内容：请给出 status、note、evidence 或 due");
        }
        if (note.length() > 4000 || evidence.length() > 2000) {
            throw new BadRequestResponse("进展说明最多 4000 字，佐证链接最多 2000 字");
        }
        TrackedTask after = ledger.update(ActingUser.of(ctx), id, new TaskUpdate(status, due, on, note, evidence,
                Optional.empty()), tracking, Optional.empty());
        ctx.json(task(after, true, false));
    }

    /** {@code GET /api/ledger/units?asOf=}: each unit's tasks across the plans the user sees. */
    void units(Context ctx) {
        Params.only(ctx, "asOf", "period");
        Tracking tracking = tracking(ctx);
        LedgerSummary s = LedgerSummary.of(tracking.asOf(), tracked(ctx, tracking));
        ctx.json(s.units().stream().map(u -> Map.of("unit", u.unit(), "lead", u.lead(), "co", u.co(),
                "counts", counts(u.counts()))).toList());
    }

    private void requireImport(Context ctx, Optional<String> hospital) {
        Scope scope = Access.scope(ctx);
        if (!changeable(scope, hospital)) {
            throw new ForbiddenResponse(hospital.isEmpty() && scope.user().role() == Role.HOSPITAL
                    ? "医院用户只能导入本院的方案（hospital 填本院编码）" : "无权导入这个方案");
        }
    }

    private ExtractedDocument extract(DocumentRequest in) {
        if (in.text() == null || in.text().isBlank()) {
            throw new BadRequestResponse("方案文本不能为空");
        }
        if (in.text().length() > MAX_PLAN_CHARS) {
            throw new io.javalin.http.ContentTooLargeResponse("方案文本过长（" + in.text().length() + " 个字符，上限 "
                    + MAX_PLAN_CHARS + "）：请把文件按方案拆分后分别导入");
        }
        String name = Params.present(in.name()).orElse("方案.txt");
        return parser.parse(Params.clip(name), in.text());
    }

    /** {@code POST /api/ledger/extract}: what the document holds, and its review table; nothing is written. */
    void extract(Context ctx) {
        Params.only(ctx);
        DocumentRequest in = Params.body(ctx, DocumentRequest.class);
        requireImport(ctx, Params.present(in.hospital()));
        ExtractedDocument doc = extract(in);
        ctx.json(Map.of("name", doc.name(), "plans", doc.plans().stream().map(LedgerApi::plan).toList(),
                "review", LedgerReview.write(doc)));
    }

    private static Map<String, Object> plan(Plan p) {
        return Map.of("planId", p.planId(), "title", p.title(), "line", p.line(), "tasks", p.tasks().stream()
                .map(t -> Map.of("taskId", t.taskId(), "section", t.section(), "taskNo", t.taskNo(), "title", t.title(),
                        "leadUnits", t.leadUnits(), "coUnits", t.coUnits(),
                        "deadlines", t.deadlines().stream().map(Deadline::text).toList(),
                        "due", t.due().map(LocalDate::toString).orElse(""),
                        "targets", t.targets().stream().map(TaskTarget::text).toList(), "sourceLine", t.sourceLine()))
                .toList());
    }

    /** {@code POST /api/ledger/plans}: commits a document, corrected by its review table when one is given. */
    void commit(Context ctx) {
        Params.only(ctx);
        DocumentRequest in = Params.body(ctx, DocumentRequest.class);
        Optional<String> hospital = Params.present(in.hospital());
        requireImport(ctx, hospital);
        ExtractedDocument doc = extract(in);
        if (in.review() != null && !in.review().isBlank()) {
            doc = new LedgerReview(parser).apply(doc, in.review(), "审核表");
        }
        ctx.json(ledger.commit(ActingUser.of(ctx), doc, PlanDocuments.fingerprint(in.text().getBytes(StandardCharsets.UTF_8)),
                hospital));
    }

    /** {@code GET /api/ledger/brief?period=&format=pdf|xlsx}: the ledger briefing of what the user sees. */
    void brief(Context ctx) {
        Params.only(ctx, "period", "format");
        String format = Params.text(ctx, "format").orElse("pdf");
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            throw new BadRequestResponse("参数 format 应为 pdf 或 xlsx");
        }
        EvaluationPeriod period = EvaluationPeriod.parse(Params.text(ctx, "period").orElseThrow(() ->
                new BadRequestResponse("缺少参数 period（YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM）")));
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = period.to().isBefore(today) ? period.to() : today;
        Tracking tracking = new Tracking(asOf, Tracking.DEFAULT_WARNING_DAYS);
        Scope scope = Access.scope(ctx);
        String file = "ledger-" + period + "." + format;
        LedgerSummary s = ledger.brief(ActingUser.of(ctx), period, tracking, plan -> visible(scope, plan), file);
        String title = ledger.briefTitle();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format.equals("pdf")) {
                new LedgerBriefingPdf(CjkFont.locate()).write(s, title, period.toString(), out);
                ctx.contentType("application/pdf");
            } else {
                new LedgerBriefingExcel().write(s, title, period.toString(), out);
                ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.result(out.toByteArray());
    }
}
