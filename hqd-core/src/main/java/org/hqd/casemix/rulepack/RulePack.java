package org.hqd.casemix.rulepack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete DRG rule pack in the {@code casemix-rulepack/1} format: the rules of one scheme (CHS-DRG or a
 * region's refinement), its code lists, its CC/MCC and exclusion tables, its operating-room procedures and the
 * code dictionary it is written against. Pure data; {@code org.hqd.casemix.grouping} compiles it for grouping.
 *
 * @param ccTable        diagnosis → exclusion table, for diagnoses that are CCs ({@code cc.tsv})
 * @param mccTable       diagnosis → exclusion table, for diagnoses that are MCCs ({@code mcc.tsv})
 * @param exclusionTable principal diagnosis → the exclusion table it belongs to ({@code cc_exclusion.tsv})
 * @param orProcedures   operating-room procedure code → name ({@code or_procedures.tsv})
 */
public record RulePack(PackManifest manifest, List<String> mdcOrder, Map<String, MdcRule> mdcs,
                       Map<String, AdrgRule> adrgs, Map<String, DrgRule> drgs, Map<String, List<String>> codeLists,
                       Map<String, String> ccTable, Map<String, String> mccTable, Map<String, String> exclusionTable,
                       Map<String, String> orProcedures, CodeDictionary dictionary) implements java.io.Serializable {

    /** The list name that means the operating-room procedures. */
    public static final String OR_PROCEDURES = "@orProcedures";

    public RulePack {
        mdcOrder = List.copyOf(mdcOrder);
        mdcs = ordered(mdcs);
        adrgs = ordered(adrgs);
        drgs = ordered(drgs);
        codeLists = ordered(codeLists);
        ccTable = Map.copyOf(ccTable);
        mccTable = Map.copyOf(mccTable);
        exclusionTable = Map.copyOf(exclusionTable);
        orProcedures = ordered(orProcedures);
    }

    public String id() {
        return manifest.id();
    }

    /** The codes of a named list; {@link #OR_PROCEDURES} names the operating-room procedures. */
    public Optional<List<String>> codeList(String name) {
        if (OR_PROCEDURES.equals(name)) {
            return Optional.of(List.copyOf(orProcedures.keySet()));
        }
        return Optional.ofNullable(codeLists.get(name));
    }

    /** The Chinese name of a code, from the dictionary or the OR-procedure list. */
    public Optional<String> nameOf(String code) {
        Optional<String> n = dictionary.nameOf(code);
        return n.isPresent() ? n : Optional.ofNullable(orProcedures.get(code));
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
