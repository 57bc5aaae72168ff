package org.hqd.casemix.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.rulepack.RulePack;

/*
 * The grouping order of casemix-rulepack/1 (shared/casemix/README.md):
 *  1. MDCs are tried in mdcOrder; one is entered when all atoms of its `when` hold.
 *  2. Inside an entered MDC the steps are walked in order: an ADRG rule matches when all its atoms hold; an
 *     ambiguity checkpoint stops the walk as ambiguous when a (main) procedure is in its list.
 *  3. The first matching ADRG gives the first DRG whose `when` holds, else its fallback.
 *  4. An MDC where no ADRG matches passes the case on to the next MDC; when none gives a result: 0000.
 * CC/MCC: a secondary diagnosis d in cc.tsv/mcc.tsv counts unless the principal diagnosis has an exclusion
 * table and it is d's table. Input checks run first; a case that fails one is INVALID, never ungroupable.
 */
/** The one grouping engine: walks a {@link CompiledPack} for each case. Stateless and thread-safe. */
final class RuleEngine implements DrgGrouper {
    private static final String[] NONE = new String[0];
    private final CompiledPack p;

    RuleEngine(CompiledPack pack) {
        this.p = pack;
    }

    @Override
    public boolean knowsCode(String code) {
        return p.index.idOf(code) >= 0;
    }

    @Override
    public RulePack pack() {
        return p.pack;
    }

    @Override
    public GroupingResult group(DischargeAbstract a, GroupingOptions options) {
        Trace t = options.trace() ? new Trace(p) : Trace.OFF;
        List<String> unmapped = new ArrayList<>(0);
        String[] dxCodes = codes(a.principalDx(), a.secondaryDx(), options.mapClinicalCodes(),
                p.pack.dictionary().diagnosisMap(), p.pack.dictionary().diagnoses(), unmapped, t);
        String[] procCodes = codes(a.principalProc(), a.otherProcs(), options.mapClinicalCodes(),
                p.pack.dictionary().procedureMap(), p.pack.dictionary().procedures(), unmapped, t);
        String invalid = InputChecks.firstFailure(a, dxCodes, p.index);
        if (!invalid.isEmpty()) {
            t.add("输入检查不通过：" + invalid);
            return GroupingResult.invalid(a.recordId(), invalid, t.steps());
        }
        CaseFacts f = encode(a, dxCodes, procCodes);
        List<String> warnings = warnings(f, unmapped);
        t.input(f, warnings);
        t.complications(f);
        return walk(a.recordId(), f, t, warnings, unmapped);
    }

    private GroupingResult walk(String recordId, CaseFacts f, Trace t, List<String> warnings, List<String> unmapped) {
        boolean cc = f.ccAt >= 0;
        boolean mcc = f.mccAt >= 0;
        for (CompiledPack.Mdc mdc : p.mdcs) {
            if (!Condition.all(mdc.when(), f)) {
                continue;
            }
            t.enterMdc(mdc, f);
            for (CompiledPack.Step step : mdc.steps()) {
                CompiledPack.Adrg rule = step.rule();
                if (rule == null) {
                    int hit = step.mainProcOnly() ? (f.proc.length > 0 && step.ambiguousProcs().contains(f.proc[0])
                            ? 0 : -1) : step.ambiguousProcs().firstIn(f.proc, 0);
                    if (hit >= 0) {
                        t.ambiguous(mdc, step, f.procCodes[hit]);
                        return new GroupingResult(recordId, GroupingStatus.AMBIGUOUS, mdc.code(),
                                GroupingResult.AMBIGUOUS_ADRG, step.ambiguousGroup(), "歧义组（手术操作与主要诊断不符）",
                                cc, mcc, "", warnings, unmapped, t.steps());
                    }
                } else if (Condition.all(rule.when(), f)) {
                    t.matchAdrg(rule, f);
                    for (CompiledPack.Drg drg : rule.drgs()) {
                        if (Condition.all(drg.when(), f)) {
                            t.chooseDrg(drg, f);
                            return new GroupingResult(recordId, GroupingStatus.GROUPED, mdc.code(), rule.code(),
                                    drg.code(), drg.name(), cc, mcc, "", warnings, unmapped, t.steps());
                        }
                        t.skipDrg(drg, f);
                    }
                    t.fallback(rule);
                    return new GroupingResult(recordId, GroupingStatus.GROUPED, mdc.code(), rule.code(),
                            rule.fallback(), rule.fallbackName(), cc, mcc, "", warnings, unmapped, t.steps());
                }
            }
            t.leaveMdc(mdc);
        }
        t.add("所有 MDC 均未给出结果：无法入组（" + GroupingResult.UNGROUPABLE_DRG + "）");
        return new GroupingResult(recordId, GroupingStatus.UNGROUPABLE, "", "", GroupingResult.UNGROUPABLE_DRG, "",
                cc, mcc, "", warnings, unmapped, t.steps());
    }

    private CaseFacts encode(DischargeAbstract a, String[] dxCodes, String[] procCodes) {
        int[] dx = ids(dxCodes);
        int[] proc = ids(procCodes);
        int principalTable = p.principalTable[dx[0]];
        return new CaseFacts(dxCodes, dx, procCodes, proc, a.sex().code(), a.ageYears(), a.ageDays(),
                a.birthWeightG(), a.losDays(), a.dischargeMethod(), principalTable,
                counting(p.ccTable, dx, principalTable), counting(p.mccTable, dx, principalTable));
    }

    /** Index of the first secondary diagnosis in the table that the principal's table does not exclude, or -1. */
    private static int counting(int[] table, int[] dx, int principalTable) {
        for (int i = 1; i < dx.length; i++) {
            int id = dx[i];
            if (id >= 0 && table[id] != 0 && (principalTable == 0 || table[id] != principalTable)) {
                return i;
            }
        }
        return -1;
    }

    private int[] ids(String[] codes) {
        int[] ids = new int[codes.length];
        for (int i = 0; i < codes.length; i++) {
            ids[i] = p.index.idOf(codes[i]);
        }
        return ids;
    }

    private static List<String> warnings(CaseFacts f, List<String> unmapped) {
        List<String> w = null;
        for (int i = 1; i < f.dx.length; i++) {
            if (f.dx[i] < 0) {
                w = add(w, "其他诊断 " + f.dxCodes[i] + " 不在编码字典和分组方案的编码列表中，不属于任何分组条件");
            }
        }
        for (int i = 0; i < f.proc.length; i++) {
            if (f.proc[i] < 0) {
                w = add(w, "手术操作 " + f.procCodes[i] + " 不在编码字典和分组方案的编码列表中，不属于任何分组条件");
            }
        }
        for (String u : unmapped) {
            w = add(w, "编码 " + u + " 在映射表中没有对应的医保版编码，按原编码分组");
        }
        return w == null ? List.of() : w;
    }

    private static List<String> add(List<String> list, String s) {
        List<String> out = list == null ? new ArrayList<>(2) : list;
        out.add(s);
        return out;
    }

    /**
     * The non-empty codes, first one first, trimmed and optionally mapped to the insurance edition: a code in the
     * map table is replaced by its target; a code that is already in the insurance dictionary stays; any other
     * code cannot be mapped and is reported.
     */
    private static String[] codes(String first, List<String> rest, boolean map, Map<String, String> table,
                                  Map<String, String> insuranceCodes, List<String> unmapped, Trace t) {
        int n = (first.isBlank() ? 0 : 1);
        for (String r : rest) {
            if (!r.isBlank()) {
                n++;
            }
        }
        if (n == 0) {
            return NONE;
        }
        String[] out = new String[n];
        int k = 0;
        if (!first.isBlank()) {
            out[k++] = first.strip();
        }
        for (String r : rest) {
            if (!r.isBlank()) {
                out[k++] = r.strip();
            }
        }
        if (map) {
            for (int i = 0; i < n; i++) {
                java.util.Optional<String> target = ClinicalCodes.target(out[i], table, insuranceCodes);
                if (target.isEmpty()) {
                    unmapped.add(out[i]);
                } else if (!target.get().equals(out[i])) {
                    t.add("编码映射：" + out[i] + " → " + target.get());
                    out[i] = target.get();
                }
            }
        }
        return out;
    }
}
