package org.hqd.casemix.layout;

import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;

/**
 * A part of one diagnosis or procedure in a layout: its code, name, and the values the canonical abstract keeps
 * aligned with the codes. {@link #PRINCIPAL} is the principal flag of the line form.
 */
public enum SlotPart {
    CODE("code", null, null),
    NAME("name", null, null),
    ADMISSION("admission", AbstractColumn.ADMISSION_CONDITIONS, null),
    DATE("date", null, AbstractColumn.PROC_DATES),
    LEVEL("level", null, AbstractColumn.PROC_LEVELS),
    WOUND("wound", null, AbstractColumn.PROC_WOUND_CLASSES),
    HEALING("healing", null, AbstractColumn.PROC_HEALING),
    ANAESTHESIA("anaesthesia", null, AbstractColumn.PROC_ANAESTHESIA),
    PRINCIPAL("principal", null, null);

    private final String key;
    private final AbstractColumn diagnosisColumn;
    private final AbstractColumn procedureColumn;

    SlotPart(String key, AbstractColumn diagnosisColumn, AbstractColumn procedureColumn) {
        this.key = key;
        this.diagnosisColumn = diagnosisColumn;
        this.procedureColumn = procedureColumn;
    }

    /** The key in a layout file. */
    public String key() {
        return key;
    }

    /** The aligned canonical column this part of a diagnosis fills. */
    public Optional<AbstractColumn> diagnosisColumn() {
        return Optional.ofNullable(diagnosisColumn);
    }

    /** The aligned canonical column this part of a procedure fills. */
    public Optional<AbstractColumn> procedureColumn() {
        return Optional.ofNullable(procedureColumn);
    }

    /** The part of this key. */
    public static Optional<SlotPart> byKey(String key) {
        for (SlotPart p : values()) {
            if (p.key.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
