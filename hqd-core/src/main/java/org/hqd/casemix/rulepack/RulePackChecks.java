package org.hqd.casemix.rulepack;

import java.util.List;

/** Cross-reference checks of a loaded pack: every name used is defined, every list pair lines up. */
final class RulePackChecks {
    private static final String FILE = "rules.json";
    private final RulePack pack;
    private final List<RulePackProblem> problems;

    RulePackChecks(RulePack pack, List<RulePackProblem> problems) {
        this.pack = pack;
        this.problems = problems;
    }

    void run() {
        for (int i = 0; i < pack.mdcOrder().size(); i++) {
            if (!pack.mdcs().containsKey(pack.mdcOrder().get(i))) {
                problem("/mdcOrder/" + i, "MDC '" + pack.mdcOrder().get(i) + "' 未在 /mdcs 中定义");
            }
        }
        pack.mdcs().forEach((code, mdc) -> {
            atoms(mdc.when(), "/mdcs/" + code + "/when");
            for (int i = 0; i < mdc.steps().size(); i++) {
                String where = "/mdcs/" + code + "/adrgs/" + i;
                AdrgStep step = mdc.steps().get(i);
                if (step instanceof AdrgStep.TryRule r && !pack.adrgs().containsKey(r.ruleId())) {
                    problem(where, "ADRG 规则 '" + r.ruleId() + "' 未在 /adrgs 中定义");
                } else if (step instanceof AdrgStep.AmbiguityCheckpoint c) {
                    list(c.list(), where);
                }
            }
        });
        pack.adrgs().forEach((id, rule) -> {
            atoms(rule.when(), "/adrgs/" + id + "/when");
            for (String drg : rule.drgs()) {
                if (!pack.drgs().containsKey(drg)) {
                    problem("/adrgs/" + id + "/drgs", "DRG '" + drg + "' 未在 /drgs 中定义");
                }
            }
        });
        pack.drgs().forEach((code, drg) -> atoms(drg.when(), "/drgs/" + code + "/when"));
    }

    private void atoms(List<Atom> atoms, String where) {
        for (int i = 0; i < atoms.size(); i++) {
            atom(atoms.get(i), where + "/" + i);
        }
    }

    private void atom(Atom a, String where) {
        if (a instanceof Atom.PrincipalDxIn x) {
            list(x.list(), where);
        } else if (a instanceof Atom.AnyDxIn x) {
            list(x.list(), where);
        } else if (a instanceof Atom.SecondaryDxIn x) {
            list(x.list(), where);
        } else if (a instanceof Atom.MainProcIn x) {
            list(x.list(), where);
        } else if (a instanceof Atom.AnyProcIn x) {
            list(x.list(), where);
        } else if (a instanceof Atom.SecondaryProcIn x) {
            list(x.list(), where);
        } else if (a instanceof Atom.ProcTag x) {
            boolean codes = list(x.codes(), where);
            boolean tags = list(x.tags(), where);
            if (codes && tags
                    && pack.codeList(x.codes()).orElseThrow().size() != pack.codeList(x.tags()).orElseThrow().size()) {
                problem(where, "procTag 的编码列表 '" + x.codes() + "' 与标记列表 '" + x.tags() + "' 长度不同");
            }
        } else if (a instanceof Atom.TraumaSitesAtLeast x) {
            x.sites().forEach(s -> list(s, where));
        } else if (a instanceof Atom.Not x) {
            atom(x.atom(), where + "/not");
        } else if (a instanceof Atom.AnyOf x) {
            for (int i = 0; i < x.alternatives().size(); i++) {
                atoms(x.alternatives().get(i), where + "/anyOf/" + i);
            }
        }
    }

    private boolean list(String name, String where) {
        if (pack.codeList(name).isEmpty()) {
            problem(where, "编码列表 '" + name + "' 未在 /codeLists 中定义");
            return false;
        }
        return true;
    }

    private void problem(String where, String message) {
        problems.add(new RulePackProblem(FILE, where, message));
    }
}
