package org.hqd.casemix.rulepack;

import java.util.Map;
import java.util.Optional;

/**
 * A code dictionary set: names of diagnoses (ICD-10 医保版) and procedures (ICD-9-CM-3 医保版), and the map
 * tables from the clinical edition (国临版) to the insurance edition (医保版).
 */
public record CodeDictionary(String id, Map<String, String> diagnoses, Map<String, String> procedures,
                             Map<String, String> diagnosisMap, Map<String, String> procedureMap) implements java.io.Serializable {
    public CodeDictionary {
        diagnoses = Map.copyOf(diagnoses);
        procedures = Map.copyOf(procedures);
        diagnosisMap = Map.copyOf(diagnosisMap);
        procedureMap = Map.copyOf(procedureMap);
    }

    /** The name of a diagnosis or procedure code, if the dictionary has it. */
    public Optional<String> nameOf(String code) {
        String n = diagnoses.get(code);
        return Optional.ofNullable(n != null ? n : procedures.get(code));
    }
}
