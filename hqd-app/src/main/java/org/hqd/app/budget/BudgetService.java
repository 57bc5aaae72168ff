package org.hqd.app.budget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetDepartment;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.TargetValue;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.io.AtomicFile;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.store.DataDirectory;
import org.hqd.store.budget.BudgetStore;

/**
 * The use cases that change budgets: importing a budget file (编制) or actual amounts, compiling a draft from the
 * template, the workflow steps (提交、批准、退回、决算), adjustments, departments and performance targets. Each runs in
 * one transaction with its audit entry; changes run one at a time, since the workflow reads the latest version before
 * it writes the next. Side effects: the rejected rows of an import are written beside the data directory's other
 * rejects; accepted actual amounts send the "measures changed" notice (they feed the evaluation measures).
 */
public final class BudgetService {
    private final DataAccess data;
    private final Clock clock;
    private final Runnable measuresChanged;
    private final BudgetStores stores = new BudgetStores(BudgetCatalog.standard());
    private final IndicatorCatalog indicators = IndicatorCatalog.standard();
    private final Object writes = new Object();

    /** @param measuresChanged called after actual amounts are stored: caches of evaluation measures are stale */
    public BudgetService(DataAccess data, Clock clock, Runnable measuresChanged) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.measuresChanged = Objects.requireNonNull(measuresChanged, "measuresChanged");
    }

    /** A service whose changes nobody caches (the command line, the demo). */
    public BudgetService(DataAccess data, Clock clock) {
        this(data, clock, () -> { });
    }

    /**
     * A budget file: the accepted rows of each hospital and year become the lines of its draft (created or replaced);
     * a hospital-year whose budget is no longer a draft refuses the whole file.
     */
    public BudgetImport importBudget(Actor actor, BudgetFile file) {
        return importFile(actor, file, true);
    }

    /**
     * Actual amounts: each hospital's months in the file replace that month's actuals; a closed year's rows are
     * rejected.
     */
    public BudgetImport importActuals(Actor actor, BudgetFile file) {
        BudgetImport r = importFile(actor, file, false);
        if (r.accepted() > 0) {
            measuresChanged.run();
        }
        return r;
    }

    private BudgetImport importFile(Actor actor, BudgetFile file, boolean budget) {
        Instant now = clock.instant();
        synchronized (writes) {
            return data.with(d -> {
                BudgetStore.ImportResult r = DataAccess.transaction(d, (budget ? "导入预算 " : "导入实际数 ") + file.name(),
                        () -> {
                            BudgetStore s = stores.of(d);
                            BudgetStore.ImportResult x = budget
                                    ? s.importBudget(file.name(), file.sha256(), file.rows(), actor.name(), now)
                                    : s.importActuals(file.name(), file.sha256(), file.rows(), actor.name(), now);
                            String changes = x.changes().isEmpty() ? ""
                                    : "；" + AuditTrail.clip(String.join("；", x.changes()));
                            AuditTrail.record(d, now, actor, budget ? "预算编制" : "导入实际数", AuditTrail.clip(file.name())
                                    + "：读取 " + x.read() + " 行，接收 " + x.accepted() + " 行，拒收 " + x.rejected().size()
                                    + " 行" + changes);
                            return x;
                        });
                Optional<Path> rejects = r.rejected().isEmpty() ? Optional.empty()
                        : Optional.of(writeRejects(d, file.name(), r));
                return new BudgetImport(file.name(), r.batch(), r.read(), r.accepted(), r.rejected(),
                        r.rejectedByRule(), r.changes(), rejects);
            });
        }
    }

    /** The rejected rows with their rules and reasons, as {@code rejects/budget-<file>-<batch>.rejects.csv}. */
    private static Path writeRejects(DataDirectory d, String file, BudgetStore.ImportResult r) {
        String stem = file.replaceAll("\\.(csv|xlsx|xls)$", "").replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        Path target = d.folder("rejects").resolve("budget-" + stem + "-" + r.batch().substring(0, 8) + ".rejects.csv");
        StringBuilder b = new StringBuilder("line," + String.join(",", BudgetRowCheck.COLUMNS) + ",rule_ids,reasons\n");
        for (BudgetRowCheck.Rejected x : r.rejected()) {
            b.append(x.row().line());
            for (String c : BudgetRowCheck.COLUMNS) {
                ResultCsv.field(b.append(','), x.row().cell(c));
            }
            ResultCsv.field(b.append(','), String.join("|", x.ruleIds()));
            ResultCsv.field(b.append(','), String.join("；", x.messages())).append('\n');
        }
        try {
            return AtomicFile.write(target, out -> {
                out.write(b.toString().getBytes(StandardCharsets.UTF_8));
                return target;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A draft from the template: last year's actuals grown by {@code growth}, inpatient revenue forecast from last
     * year's cases grown by {@code caseGrowth} (empty: the change in discharges between the two years before).
     */
    public CompiledBudget compile(Actor actor, String hospital, int year, double growth, Optional<Double> caseGrowth) {
        Instant now = clock.instant();
        return change("编制预算", d -> {
            BudgetStore.Compiled c = stores.of(d).compile(hospital, year, growth, caseGrowth, actor.name(), now);
            AuditTrail.record(d, now, actor, "预算编制", hospital + " " + year + " 年按模板编制 " + c.lines() + " 行");
            return new CompiledBudget(c.version(), c.lines(), c.fromActuals(), c.fromCases(), c.caseGrowth());
        });
    }

    /** A workflow step that changes a version's state: submit, approve, return (with a comment) or close. */
    public BudgetVersion step(Actor actor, String hospital, int year, BudgetAction action, String comment) {
        if (action == BudgetAction.COMPILE || action == BudgetAction.ADJUST) {
            throw new IllegalArgumentException(action + " is an import, a compile or an adjustment, not a step");
        }
        Instant now = clock.instant();
        return change(action.label() + "预算", d -> {
            BudgetVersion v = stores.of(d).transition(hospital, year, action, comment, actor.name(), now);
            AuditTrail.record(d, now, actor, "预算" + action.label(), hospital + " " + year + " 年" + v.label() + " → "
                    + v.state().label() + (comment.isEmpty() ? "" : "：" + AuditTrail.clip(comment)));
            return v;
        });
    }

    /**
     * An adjustment of the approved budget (a new adjustment version, or a change of the one not yet approved): the
     * rows are lines to change (amount 0 removes one); one bad row refuses them all, naming the first five.
     */
    public BudgetVersion adjust(Actor actor, String hospital, int year, List<BudgetRowCheck.RawRow> rows,
                                String reason) {
        Instant now = clock.instant();
        return change("调整预算", d -> {
            BudgetStore s = stores.of(d);
            BudgetRowCheck.Result checked = s.rowCheck().check(rows);
            if (!checked.rejected().isEmpty()) {
                throw new HqdException("调整内容有 " + checked.rejected().size() + " 行不合格，未做调整：" + checked.rejected()
                        .stream().limit(5).map(x -> "第 " + x.row().line() + " 行 " + String.join("；", x.messages()))
                        .collect(Collectors.joining("；")));
            }
            BudgetVersion v = s.adjust(hospital, year, checked.accepted(), reason, actor.name(), now);
            AuditTrail.record(d, now, actor, "预算调整", hospital + " " + year + " 年" + v.label() + "（" + rows.size()
                    + " 行）：" + AuditTrail.clip(reason));
            return v;
        });
    }

    /**
     * Registers hospitals' departments (cost centres) from rows {@code hospital_id, department}; a row of a hospital
     * not in the register, or without a department, is left out and said so.
     */
    public Loaded registerDepartments(Actor actor, BudgetFile file) {
        Instant now = clock.instant();
        return change("登记科室", d -> {
            BudgetStore s = stores.of(d);
            Set<String> hospitals = s.hospitals();
            List<BudgetDepartment> pairs = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (BudgetRowCheck.RawRow r : file.rows()) {
                if (!hospitals.contains(r.cell("hospital_id")) || r.cell("department").isEmpty()) {
                    refused.add("第 " + r.line() + " 行：医院编码不在名册中或科室为空，未登记");
                } else {
                    pairs.add(new BudgetDepartment(r.cell("hospital_id"), r.cell("department")));
                }
            }
            int added = s.registerDepartments(pairs);
            AuditTrail.record(d, now, actor, "设置变更", "登记科室 " + AuditTrail.clip(file.name()) + "：新增 " + added
                    + " 个");
            return new Loaded(added, refused);
        });
    }

    /**
     * Loads performance targets (a file of {@link TargetRows#TARGET_COLUMNS}); invalid rows are left out and said
     * so.
     */
    public Loaded loadTargets(Actor actor, BudgetFile file) {
        TargetRows.Checked<PerformanceTarget> t = TargetRows.targets(file.rows(), indicators);
        Instant now = clock.instant();
        return change("保存绩效目标", d -> {
            int stored = stores.of(d).saveTargets(t.values());
            AuditTrail.record(d, now, actor, "设置变更", "载入预算绩效目标 " + AuditTrail.clip(file.name()) + "："
                    + t.values().size() + " 个");
            return new Loaded(stored, t.problems());
        });
    }

    /** Loads reported values of performance targets (a file of {@link TargetRows#VALUE_COLUMNS}). */
    public Loaded loadTargetValues(Actor actor, BudgetFile file) {
        TargetRows.Checked<TargetValue> t = TargetRows.values(file.rows());
        Instant now = clock.instant();
        return change("保存绩效监控值", d -> {
            int stored = stores.of(d).saveTargetValues(t.values());
            AuditTrail.record(d, now, actor, "设置变更", "载入绩效监控值 " + AuditTrail.clip(file.name()) + "："
                    + stored + " 个");
            return new Loaded(stored, t.problems());
        });
    }

    /** One change: in one transaction, one change of budgets at a time (a step reads the latest version it follows). */
    private <T> T change(String what, Function<DataDirectory, T> work) {
        synchronized (writes) {
            return data.inTransaction(what, work);
        }
    }
}
