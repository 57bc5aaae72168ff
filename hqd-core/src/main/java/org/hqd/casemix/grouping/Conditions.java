package org.hqd.casemix.grouping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hqd.casemix.rulepack.Atom;
import org.hqd.casemix.rulepack.ComplicationLevel;

/**
 * Compiles rule-pack atoms into {@link Condition}s over a {@link CodeIndex}. Code lists become bit sets once and
 * are shared by every condition that names them.
 */
final class Conditions {
    private final Function<String, CodeSet> lists;
    private final Map<String, CodeSet> tagged = new HashMap<>();
    private final Function<List<String>, List<String>> listCodes;
    private final CodeIndex index;

    /**
     * @param lists     the bit set of a named list
     * @param listCodes the codes of a named list, in order (for {@code procTag})
     */
    Conditions(CodeIndex index, Function<String, CodeSet> lists, Function<List<String>, List<String>> listCodes) {
        this.index = index;
        this.lists = lists;
        this.listCodes = listCodes;
    }

    Condition[] compileAll(List<Atom> atoms) {
        Condition[] out = new Condition[atoms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = compile(atoms.get(i));
        }
        return out;
    }

    Condition compile(Atom a) {
        if (a instanceof Atom.PrincipalDxIn x) {
            return new CodesIn(false, lists.apply(x.list()), 0, 1, "主要诊断");
        } else if (a instanceof Atom.AnyDxIn x) {
            return new CodesIn(false, lists.apply(x.list()), 0, Integer.MAX_VALUE, "诊断");
        } else if (a instanceof Atom.SecondaryDxIn x) {
            return new CodesIn(false, lists.apply(x.list()), 1, Integer.MAX_VALUE, "其他诊断");
        } else if (a instanceof Atom.MainProcIn x) {
            return new CodesIn(true, lists.apply(x.list()), 0, 1, "主要手术操作");
        } else if (a instanceof Atom.AnyProcIn x) {
            return new CodesIn(true, lists.apply(x.list()), 0, Integer.MAX_VALUE, "手术操作");
        } else if (a instanceof Atom.SecondaryProcIn x) {
            return new CodesIn(true, lists.apply(x.list()), 1, Integer.MAX_VALUE, "其他手术操作");
        } else if (a instanceof Atom.ProcTag x) {
            return new CodesIn(true, tagged(x), 0, Integer.MAX_VALUE, "手术操作");
        } else if (a instanceof Atom.AnyDxStartsWith x) {
            return new DxPrefix(x.prefix());
        } else if (a instanceof Atom.ProcCountAtLeast x) {
            return new Numeric(c -> c.proc.length, '≥', x.n(), "手术操作个数", "");
        } else if (a instanceof Atom.NoProc) {
            return new Numeric(c -> c.proc.length, '≤', 0, "手术操作个数", "");
        } else if (a instanceof Atom.SexIs x) {
            return new SexIs(x.code());
        } else if (a instanceof Atom.AgeYearsAtMost x) {
            return new Numeric(c -> c.ageYears, '≤', x.n(), "年龄", "岁");
        } else if (a instanceof Atom.AgeYearsAtLeast x) {
            return new Numeric(c -> c.ageYears, '≥', x.n(), "年龄", "岁");
        } else if (a instanceof Atom.AgeDaysAtMost x) {
            return new Numeric(c -> c.ageDays < 0 ? Integer.MAX_VALUE : c.ageDays, '≤', x.n(), "年龄", "天");
        } else if (a instanceof Atom.BirthWeightKnown) {
            return new Numeric(c -> c.birthWeight, '≥', 1, "出生体重", "克");
        } else if (a instanceof Atom.BirthWeightAtLeast x) {
            return new Numeric(c -> c.birthWeight, '≥', x.grams(), "出生体重", "克");
        } else if (a instanceof Atom.BirthWeightBelow x) {
            return new Numeric(c -> c.birthWeight, '<', x.grams(), "出生体重", "克");
        } else if (a instanceof Atom.LosDaysAtLeast x) {
            return new Numeric(c -> c.los, '≥', x.n(), "住院天数", "天");
        } else if (a instanceof Atom.LosDaysAtMost x) {
            return new Numeric(c -> c.los, '≤', x.n(), "住院天数", "天");
        } else if (a instanceof Atom.LosDaysBetween x) {
            return new AllOf(new Condition[] {new Numeric(c -> c.los, '≥', x.from(), "住院天数", "天"),
                new Numeric(c -> c.los, '≤', x.to(), "住院天数", "天")});
        } else if (a instanceof Atom.DischargeMethodIn x) {
            return new DischargeIn(Set.copyOf(x.methods()));
        } else if (a instanceof Atom.SecondaryDxComplication x) {
            return new Complication(x.level());
        } else if (a instanceof Atom.TraumaSitesAtLeast x) {
            return new TraumaSites(x.sites().stream().map(lists).toArray(CodeSet[]::new), x.count());
        } else if (a instanceof Atom.Not x) {
            return new Not(compile(x.atom()));
        } else if (a instanceof Atom.AnyOf x) {
            return new AnyOf(x.alternatives().stream().map(this::compileAll).toArray(Condition[][]::new));
        }
        throw new IllegalArgumentException("unsupported atom " + a);
    }

    private CodeSet tagged(Atom.ProcTag t) {
        return tagged.computeIfAbsent(t.codes() + "|" + t.tags() + "|" + t.tag(), key -> {
            List<String> codes = listCodes.apply(List.of(t.codes()));
            List<String> tags = listCodes.apply(List.of(t.tags()));
            CodeSet set = new CodeSet(t.codes() + "[标记=" + t.tag() + "]", index.size());
            for (int i = 0; i < codes.size() && i < tags.size(); i++) {
                if (t.tag().equals(tags.get(i))) {
                    set.add(index.idOf(codes.get(i)));
                }
            }
            return set;
        });
    }

    /** A diagnosis ({@code proc} false) or procedure code at positions {@code from} to {@code to} is in the set. */
    private record CodesIn(boolean proc, CodeSet set, int from, int to, String what) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return first(c) >= 0;
        }

        @Override
        public String describe() {
            return what + "属于 " + set.name();
        }

        @Override
        public String witness(CaseFacts c, CodeNames names) {
            int i = first(c);
            return i < 0 ? "" : names.label(proc ? c.procCodes[i] : c.dxCodes[i]);
        }

        /** The first position in range whose code is in the set, or -1. */
        private int first(CaseFacts c) {
            int[] codes = proc ? c.proc : c.dx;
            int end = Math.min(to, codes.length);
            for (int i = from; i < end; i++) {
                if (set.contains(codes[i])) {
                    return i;
                }
            }
            return -1;
        }
    }

    private record DxPrefix(String prefix) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            for (String d : c.dxCodes) {
                if (d.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "有诊断以 " + prefix + " 开头";
        }
    }

    /** A bound on a number of the case; {@code op} is one of ≤ ≥ &lt;. */
    private record Numeric(java.util.function.ToIntFunction<CaseFacts> value, char op, int bound, String what,
                           String unit) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            int v = value.applyAsInt(c);
            switch (op) {
                case '≤': return v <= bound;
                case '≥': return v >= bound;
                default: return v < bound;
            }
        }

        @Override
        public String describe() {
            return what + op + bound + unit;
        }
    }

    private record SexIs(String code) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return code.equals(c.sex);
        }

        @Override
        public String describe() {
            return "性别为" + ("1".equals(code) ? "男" : "2".equals(code) ? "女" : code);
        }
    }

    private record DischargeIn(Set<String> methods) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return methods.contains(c.dischargeMethod);
        }

        @Override
        public String describe() {
            return "离院方式属于 " + String.join("、", new java.util.TreeSet<>(methods));
        }
    }

    private record Complication(ComplicationLevel level) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return (level == ComplicationLevel.MCC ? c.mccAt : c.ccAt) >= 0;
        }

        @Override
        public String describe() {
            return "伴" + level.label() + "（" + level.code() + "）";
        }

        @Override
        public String witness(CaseFacts c, CodeNames names) {
            int at = level == ComplicationLevel.MCC ? c.mccAt : c.ccAt;
            return at < 0 ? "" : names.label(c.dxCodes[at]);
        }
    }

    private record TraumaSites(CodeSet[] sites, int count) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return matched(c).size() >= count;
        }

        private List<String> matched(CaseFacts c) {
            List<String> hit = new ArrayList<>();
            for (CodeSet s : sites) {
                if (s.firstIn(c.dx, 0) >= 0) {
                    hit.add(s.name());
                }
            }
            return hit;
        }

        @Override
        public String describe() {
            return "至少 " + count + " 个部位有创伤诊断";
        }

        @Override
        public String witness(CaseFacts c, CodeNames names) {
            return String.join("、", matched(c));
        }
    }

    private record Not(Condition inner) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return !inner.test(c);
        }

        @Override
        public String describe() {
            return "非（" + inner.describe() + "）";
        }
    }

    private record AllOf(Condition[] parts) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            return Condition.all(parts, c);
        }

        @Override
        public String describe() {
            List<String> d = new ArrayList<>();
            for (Condition p : parts) {
                d.add(p.describe());
            }
            return String.join(" 且 ", d);
        }
    }

    private record AnyOf(Condition[][] alternatives) implements Condition {
        @Override
        public boolean test(CaseFacts c) {
            for (Condition[] alt : alternatives) {
                if (Condition.all(alt, c)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            List<String> d = new ArrayList<>();
            for (Condition[] alt : alternatives) {
                d.add(new AllOf(alt).describe());
            }
            return "满足其一：[" + String.join("] 或 [", d) + "]";
        }

        /** When it holds, the alternative that held, explained; otherwise every alternative, not met. */
        @Override
        public String explain(CaseFacts c, CodeNames names) {
            for (Condition[] alt : alternatives) {
                if (Condition.all(alt, c)) {
                    List<String> w = new ArrayList<>();
                    for (Condition p : alt) {
                        w.add(p.explain(c, names));
                    }
                    return String.join("，", w);
                }
            }
            return describe() + "（不满足）";
        }
    }
}
