package org.hqd.casemix.rulepack;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hqd.casemix.grouping.MdcNames;

/**
 * The 分组方案 of a scheme as the tables a region receives (docs/schemes.md): scheme information, MDCs with their
 * entry conditions, the MDC principal-diagnosis table, the ADRG rules with the ADRG diagnosis and operation tables,
 * the DRG split rules, the CC/MCC list, the exclusion table and the operating-room procedures. {@link #export} writes a
 * pack as these tables; {@link SchemeCompiler} turns them back into a {@code casemix-rulepack/1} pack.
 */
public final class SchemeTables {
    public static final String SCHEME = "scheme.tsv";
    public static final String MDC = "mdc.tsv";
    public static final String MDC_DIAGNOSES = "mdc_diagnoses.tsv";
    public static final String ADRG = "adrg.tsv";
    public static final String ADRG_DIAGNOSES = "adrg_diagnoses.tsv";
    public static final String ADRG_PROCEDURES = "adrg_procedures.tsv";
    public static final String CODE_LISTS = "code_lists.tsv";
    public static final String DRG = "drg.tsv";
    public static final String CC_MCC = "cc_mcc.tsv";
    public static final String EXCLUSION = "exclusion.tsv";
    public static final String OR_PROCEDURES = "or_procedures.tsv";
    /** Every table, in the order a reader meets them. */
    public static final List<String> ALL = List.of(SCHEME, MDC, MDC_DIAGNOSES, ADRG, ADRG_DIAGNOSES,
            ADRG_PROCEDURES, CODE_LISTS, DRG, CC_MCC, EXCLUSION, OR_PROCEDURES);

    /** How a code list is used, which decides the table it is written in. */
    private enum Use { MDC_DX, DX, PROC, TAGS }

    private SchemeTables() {
    }

    /** The tables of a pack: file name → TSV text (UTF-8, header line). */
    public static Map<String, String> export(RulePack pack) {
        Map<String, Set<Use>> uses = new HashMap<>();
        Map<String, String> tagsOf = new HashMap<>();
        Map<String, String> codesOfTags = new HashMap<>();
        pack.mdcs().values().forEach(m -> {
            uses(m.when(), true, uses, tagsOf, codesOfTags);
            m.steps().forEach(s -> {
                if (s instanceof AdrgStep.AmbiguityCheckpoint c) {
                    use(uses, c.list(), Use.PROC);
                }
            });
        });
        pack.adrgs().values().forEach(a -> uses(a.when(), false, uses, tagsOf, codesOfTags));
        pack.drgs().values().forEach(d -> uses(d.when(), false, uses, tagsOf, codesOfTags));

        Map<String, String> out = new LinkedHashMap<>();
        PackManifest m = pack.manifest();
        out.put(SCHEME, "key\tvalue\nid\t" + m.id() + "\nscheme\t" + m.scheme() + "\nregion\t" + m.region()
                + "\ndictionary\t" + m.dictionary() + "\ndrgs\t" + m.declaredDrgs() + "\nadrgs\t" + m.declaredAdrgs()
                + "\n");
        StringBuilder mdc = new StringBuilder("order\tmdc\tname\tcondition\n");
        pack.mdcs().forEach((code, rule) -> {
            int order = pack.mdcOrder().indexOf(code);
            mdc.append(order < 0 ? "" : String.valueOf(order + 1)).append('\t').append(code).append('\t')
                    .append(MdcNames.of(code)).append('\t').append(condition(rule.when())).append('\n');
        });
        out.put(MDC, mdc.toString());
        StringBuilder adrg = new StringBuilder("mdc\tstep\trule\tadrg\tcondition\tdrgs\tfallback\n");
        pack.mdcs().forEach((code, rule) -> rule.steps().forEach(s -> {
            if (s instanceof AdrgStep.TryRule t) {
                AdrgRule a = pack.adrgs().get(t.ruleId());
                adrg.append(a.mdc()).append("\tadrg\t").append(a.id()).append('\t').append(a.code()).append('\t')
                        .append(condition(a.when())).append('\t').append(String.join(" ", a.drgs())).append('\t')
                        .append(a.fallback()).append('\n');
            } else if (s instanceof AdrgStep.AmbiguityCheckpoint c) {
                adrg.append(code).append('\t').append(c.mainProcOnly() ? SchemeCompiler.AMBIGUOUS_MAIN
                        : SchemeCompiler.AMBIGUOUS_ANY).append("\t\t").append(c.group()).append('\t')
                        .append(c.mainProcOnly() ? "mainProcIn(" : "anyProcIn(").append(c.list()).append(")\t\t\n");
            }
        }));
        out.put(ADRG, adrg.toString());
        lists(pack, uses, tagsOf, codesOfTags, out);
        StringBuilder drg = new StringBuilder("drg\tadrg\tname\tcondition\n");
        pack.drgs().values().forEach(d -> drg.append(d.code()).append('\t').append(d.adrg()).append('\t')
                .append(d.name()).append('\t').append(condition(d.when())).append('\n'));
        out.put(DRG, drg.toString());
        StringBuilder cc = new StringBuilder("code\tlevel\texclusion_table\tname\n");
        complications(pack, cc, "CC", pack.ccTable());
        complications(pack, cc, "MCC", pack.mccTable());
        out.put(CC_MCC, cc.toString());
        StringBuilder ex = new StringBuilder("principal_code\texclusion_table\n");
        new TreeMap<>(pack.exclusionTable()).forEach((k, v) -> ex.append(k).append('\t').append(v).append('\n'));
        out.put(EXCLUSION, ex.toString());
        StringBuilder or = new StringBuilder("code\tname\n");
        pack.orProcedures().forEach((k, v) -> or.append(k).append('\t').append(v).append('\n'));
        out.put(OR_PROCEDURES, or.toString());
        return out;
    }

    private static void lists(RulePack pack, Map<String, Set<Use>> uses, Map<String, String> tagsOf,
                              Map<String, String> codesOfTags, Map<String, String> out) {
        StringBuilder mdcDx = new StringBuilder("table\tcode\tname\n");
        StringBuilder dx = new StringBuilder("table\tcode\tname\n");
        StringBuilder proc = new StringBuilder("table\tcode\tname\ttag_table\ttag\n");
        StringBuilder other = new StringBuilder("table\tcode\n");
        pack.codeLists().forEach((name, codes) -> {
            Set<Use> u = uses.getOrDefault(name, EnumSet.noneOf(Use.class));
            if (attachedTags(pack, name, uses, tagsOf, codesOfTags)) {
                return;
            }
            String tags = tagsOf.get(name);
            boolean withTags = tags != null && attachedTags(pack, tags, uses, tagsOf, codesOfTags);
            StringBuilder b = u.equals(EnumSet.of(Use.PROC)) ? proc : u.equals(EnumSet.of(Use.MDC_DX)) ? mdcDx
                    : !u.isEmpty() && EnumSet.of(Use.MDC_DX, Use.DX).containsAll(u) ? dx : other;
            if (codes.isEmpty()) {
                b.append(name).append('\t').append(b == proc ? "\t\t\t" : b == other ? "" : "\t").append('\n');
            }
            for (int i = 0; i < codes.size(); i++) {
                b.append(name).append('\t').append(codes.get(i));
                if (b != other) {
                    b.append('\t').append(pack.nameOf(codes.get(i)).orElse(""));
                }
                if (b == proc) {
                    b.append('\t').append(withTags ? tags : "").append('\t')
                            .append(withTags ? pack.codeLists().get(tags).get(i) : "");
                }
                b.append('\n');
            }
        });
        out.put(MDC_DIAGNOSES, mdcDx.toString());
        out.put(ADRG_DIAGNOSES, dx.toString());
        out.put(ADRG_PROCEDURES, proc.toString());
        out.put(CODE_LISTS, other.toString());
    }

    /**
     * A tags list used only as the tags of one procedure list (used only as such) of the same length is written in
     * that list's rows.
     */
    private static boolean attachedTags(RulePack pack, String tags, Map<String, Set<Use>> uses,
                                        Map<String, String> tagsOf, Map<String, String> codesOfTags) {
        String codes = codesOfTags.get(tags);
        return EnumSet.of(Use.TAGS).equals(uses.get(tags)) && codes != null && !codes.isEmpty()
                && tags.equals(tagsOf.get(codes)) && EnumSet.of(Use.PROC).equals(uses.get(codes))
                && pack.codeLists().containsKey(codes) && pack.codeLists().containsKey(tags)
                && pack.codeLists().get(codes).size() == pack.codeLists().get(tags).size();
    }

    private static void complications(RulePack pack, StringBuilder b, String level, Map<String, String> table) {
        new TreeMap<>(table).forEach((code, t) -> b.append(code).append('\t').append(level).append('\t').append(t)
                .append('\t').append(pack.nameOf(code).orElse("")).append('\n'));
    }

    private static String condition(List<Atom> when) {
        return ConditionText.write(AtomJson.when(when));
    }

    private static void uses(List<Atom> atoms, boolean mdc, Map<String, Set<Use>> uses, Map<String, String> tagsOf,
                             Map<String, String> codesOfTags) {
        for (Atom a : atoms) {
            Use dx = mdc ? Use.MDC_DX : Use.DX;
            if (a instanceof Atom.PrincipalDxIn x) {
                use(uses, x.list(), dx);
            } else if (a instanceof Atom.AnyDxIn x) {
                use(uses, x.list(), dx);
            } else if (a instanceof Atom.SecondaryDxIn x) {
                use(uses, x.list(), dx);
            } else if (a instanceof Atom.TraumaSitesAtLeast x) {
                x.sites().forEach(s -> use(uses, s, dx));
            } else if (a instanceof Atom.MainProcIn x) {
                use(uses, x.list(), Use.PROC);
            } else if (a instanceof Atom.AnyProcIn x) {
                use(uses, x.list(), Use.PROC);
            } else if (a instanceof Atom.SecondaryProcIn x) {
                use(uses, x.list(), Use.PROC);
            } else if (a instanceof Atom.ProcTag x) {
                use(uses, x.codes(), Use.PROC);
                use(uses, x.tags(), Use.TAGS);
                tagsOf.putIfAbsent(x.codes(), x.tags());
                String before = codesOfTags.putIfAbsent(x.tags(), x.codes());
                if (before != null && !before.equals(x.codes())) {
                    codesOfTags.put(x.tags(), "");
                }
            } else if (a instanceof Atom.Not x) {
                uses(List.of(x.atom()), mdc, uses, tagsOf, codesOfTags);
            } else if (a instanceof Atom.AnyOf x) {
                x.alternatives().forEach(alt -> uses(alt, mdc, uses, tagsOf, codesOfTags));
            }
        }
    }

    private static void use(Map<String, Set<Use>> uses, String list, Use u) {
        if (!RulePack.OR_PROCEDURES.equals(list)) {
            uses.computeIfAbsent(list, k -> EnumSet.noneOf(Use.class)).add(u);
        }
    }
}
