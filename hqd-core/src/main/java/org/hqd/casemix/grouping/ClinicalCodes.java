package org.hqd.casemix.grouping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.rulepack.CodeDictionary;

/**
 * The map from the front sheet's 国家临床版 2.0 codes to the 医保版 2.0 codes the schemes use: the dictionary's map
 * tables, the same map {@code hqd group --map-codes} applies. A code in the map becomes its target; a code that is
 * already a 医保版 code stays; any other code cannot be mapped. Immutable.
 */
public final class ClinicalCodes {
    /**
     * An abstract with its codes mapped.
     *
     * @param mapped           "source>target" for every code that changed, in the order of the abstract
     * @param unmappedPrincipal the principal diagnosis, when it could not be mapped
     * @param unmapped         the other codes that could not be mapped (kept as they are)
     */
    public record Mapped(DischargeAbstract abstract_, List<String> mapped, Optional<String> unmappedPrincipal,
                         List<String> unmapped) {
        public Mapped {
            mapped = List.copyOf(mapped);
            unmapped = List.copyOf(unmapped);
        }
    }

    private final CodeDictionary dictionary;

    public ClinicalCodes(CodeDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
    }

    /** The 医保版 code of a diagnosis code, or empty when it cannot be mapped. */
    public Optional<String> diagnosis(String code) {
        return target(code, dictionary.diagnosisMap(), dictionary.diagnoses());
    }

    /** The 医保版 code of a procedure code, or empty when it cannot be mapped. */
    public Optional<String> procedure(String code) {
        return target(code, dictionary.procedureMap(), dictionary.procedures());
    }

    static Optional<String> target(String code, Map<String, String> map, Map<String, String> insurance) {
        String t = map.get(code);
        if (t != null) {
            return Optional.of(t);
        }
        return insurance.containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    /**
     * The inverse map, for writing a 医保版 code in a file of 国家临床版 codes: a code that maps to it (the code itself
     * when it maps to itself), so that mapping the written code gives the code back. A code no clinical code maps to is
     * absent (written as it is).
     *
     * @param diagnoses the diagnosis map; else the procedure map
     */
    public Map<String, String> toClinical(boolean diagnoses) {
        Map<String, String> out = new java.util.HashMap<>();
        (diagnoses ? dictionary.diagnosisMap() : dictionary.procedureMap()).forEach((source, target) -> {
            String t = target.strip();
            if (source.equals(t)) {
                out.put(t, source);
            } else {
                out.putIfAbsent(t, source);
            }
        });
        return out;
    }

    /** The abstract with every diagnosis and procedure code mapped (an unmappable one kept as it is). */
    public Mapped map(DischargeAbstract a) {
        List<String> mapped = new ArrayList<>(0);
        List<String> unmapped = new ArrayList<>(0);
        String principal = a.principalDx().isEmpty() ? "" : one(a.principalDx(), true, mapped, unmapped);
        Optional<String> lostPrincipal = !a.principalDx().isEmpty() && diagnosis(a.principalDx()).isEmpty()
                ? Optional.of(a.principalDx()) : Optional.empty();
        unmapped.remove(a.principalDx());
        List<String> secondary = all(a.secondaryDx(), true, mapped, unmapped);
        String proc = a.principalProc().isEmpty() ? "" : one(a.principalProc(), false, mapped, unmapped);
        List<String> others = all(a.otherProcs(), false, mapped, unmapped);
        if (mapped.isEmpty()) {
            return new Mapped(a, mapped, lostPrincipal, unmapped);
        }
        DischargeAbstract m = new DischargeAbstract(a.hospitalId(), a.recordId(), a.patientId(), a.sex(), a.birthDate(),
                a.ageYears(), a.ageDays(), a.birthWeightG(), a.admissionDate(), a.dischargeDate(), a.losDays(),
                a.admissionRoute(), a.dischargeMethod(), a.department(), a.attendingPhysician(), principal, secondary,
                proc, others, a.procLevels(), a.daySurgery(), a.payer(), a.totalCost(), a.charges(),
                a.admissionConditions(), a.procDates(), a.woundClasses(), a.woundHealing(), a.anaesthesia(),
                a.ventilatorHours(), a.icuHours(), a.selfPay(), a.homepageFees());
        return new Mapped(m, mapped, lostPrincipal, unmapped);
    }

    private List<String> all(List<String> codes, boolean dx, List<String> mapped, List<String> unmapped) {
        if (codes.isEmpty()) {
            return codes;
        }
        List<String> out = new ArrayList<>(codes.size());
        for (String c : codes) {
            out.add(one(c, dx, mapped, unmapped));
        }
        return out;
    }

    private String one(String code, boolean dx, List<String> mapped, List<String> unmapped) {
        Optional<String> t = dx ? diagnosis(code) : procedure(code);
        if (t.isEmpty()) {
            unmapped.add(code);
            return code;
        }
        if (!t.get().equals(code)) {
            mapped.add(code + ">" + t.get());
        }
        return t.get();
    }
}
