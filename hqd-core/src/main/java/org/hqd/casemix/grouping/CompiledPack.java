package org.hqd.casemix.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.rulepack.AdrgRule;
import org.hqd.casemix.rulepack.AdrgStep;
import org.hqd.casemix.rulepack.DrgRule;
import org.hqd.casemix.rulepack.MdcRule;
import org.hqd.casemix.rulepack.RulePack;

/**
 * A rule pack turned into the engine's form: every code an integer, every list a bit set, every rule an array
 * of {@link Condition}s, in the order of the pack. Immutable once built.
 */
final class CompiledPack {
    /** One DRG of an ADRG rule, in the order tried. */
    record Drg(String code, String name, Condition[] when) { }

    /** One ADRG rule: conditions, DRGs in order, and the fallback when no DRG's conditions hold. */
    record Adrg(String ruleId, String code, Condition[] when, Drg[] drgs, String fallback, String fallbackName) { }

    /** A step of an MDC walk: an ADRG rule, or an ambiguity checkpoint (rule is null then). */
    record Step(Adrg rule, CodeSet ambiguousProcs, boolean mainProcOnly, String ambiguousGroup) { }

    record Mdc(String code, Condition[] when, Step[] steps) { }

    final RulePack pack;
    final CodeIndex index;
    final Mdc[] mdcs;
    /** By code id: exclusion table of the code as a CC / as an MCC / as a principal diagnosis; 0 = none. */
    final int[] ccTable;
    final int[] mccTable;
    final int[] principalTable;
    /** Exclusion table number → its id as written in the pack (index 0 unused). */
    private final String[] tableNames;

    private CompiledPack(RulePack pack, CodeIndex index, Mdc[] mdcs, int[] cc, int[] mcc, int[] principal,
                         String[] tableNames) {
        this.tableNames = tableNames;
        this.pack = pack;
        this.index = index;
        this.mdcs = mdcs;
        this.ccTable = cc;
        this.mccTable = mcc;
        this.principalTable = principal;
    }

    static CompiledPack compile(RulePack pack) {
        CodeIndex index = new CodeIndex();
        pack.dictionary().diagnoses().keySet().forEach(index::intern);
        pack.dictionary().procedures().keySet().forEach(index::intern);
        pack.codeLists().values().forEach(l -> l.forEach(index::intern));
        pack.orProcedures().keySet().forEach(index::intern);
        pack.ccTable().keySet().forEach(index::intern);
        pack.mccTable().keySet().forEach(index::intern);
        pack.exclusionTable().keySet().forEach(index::intern);

        Map<String, CodeSet> sets = new HashMap<>();
        Conditions conditions = new Conditions(index,
                name -> sets.computeIfAbsent(name, n -> bitSet(n, pack.codeList(n).orElseThrow(), index)),
                names -> pack.codeList(names.get(0)).orElseThrow());

        Map<String, Adrg> adrgs = new HashMap<>();
        for (AdrgRule r : pack.adrgs().values()) {
            List<Drg> drgs = new ArrayList<>();
            for (String code : r.drgs()) {
                DrgRule d = pack.drgs().get(code);
                drgs.add(new Drg(code, d.name(), conditions.compileAll(d.when())));
            }
            DrgRule fallback = pack.drgs().get(r.fallback());
            adrgs.put(r.id(), new Adrg(r.id(), r.code(), conditions.compileAll(r.when()), drgs.toArray(Drg[]::new),
                    r.fallback(), fallback == null ? "" : fallback.name()));
        }
        List<Mdc> mdcs = new ArrayList<>();
        for (String code : pack.mdcOrder()) {
            MdcRule m = pack.mdcs().get(code);
            List<Step> steps = new ArrayList<>();
            for (AdrgStep s : m.steps()) {
                if (s instanceof AdrgStep.TryRule t) {
                    steps.add(new Step(adrgs.get(t.ruleId()), null, false, ""));
                } else if (s instanceof AdrgStep.AmbiguityCheckpoint c) {
                    CodeSet set = sets.computeIfAbsent(c.list(),
                            n -> bitSet(n, pack.codeList(n).orElseThrow(), index));
                    steps.add(new Step(null, set, c.mainProcOnly(), c.group()));
                }
            }
            mdcs.add(new Mdc(code, conditions.compileAll(m.when()), steps.toArray(Step[]::new)));
        }
        Map<String, Integer> tableIds = new HashMap<>();
        int[] cc = tables(pack.ccTable(), index, tableIds);
        int[] mcc = tables(pack.mccTable(), index, tableIds);
        int[] principal = tables(pack.exclusionTable(), index, tableIds);
        String[] tableNames = new String[tableIds.size() + 1];
        tableIds.forEach((name, id) -> tableNames[id] = name);
        return new CompiledPack(pack, index, mdcs.toArray(Mdc[]::new), cc, mcc, principal, tableNames);
    }

    /** The exclusion table's id as written in the pack. */
    String tableName(int table) {
        return tableNames[table];
    }

    /** The Chinese name of a code, with the code, for traces. */
    String label(String code) {
        return pack.nameOf(code).map(n -> code + " " + n).orElse(code);
    }

    private static CodeSet bitSet(String name, List<String> codes, CodeIndex index) {
        CodeSet set = new CodeSet(RulePack.OR_PROCEDURES.equals(name) ? "手术室手术(" + name + ")" : name, index.size());
        for (String c : codes) {
            set.add(index.idOf(c));
        }
        return set;
    }

    private static int[] tables(Map<String, String> byCode, CodeIndex index, Map<String, Integer> tableIds) {
        int[] out = new int[index.size()];
        byCode.forEach((code, table) -> out[index.idOf(code)] =
                tableIds.computeIfAbsent(table, t -> tableIds.size() + 1));
        return out;
    }
}
