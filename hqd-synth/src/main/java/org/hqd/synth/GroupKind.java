package org.hqd.synth;

/**
 * The kind of treatment a CHS-DRG group stands for, read from the second letter of its ADRG: A–J surgical
 * (外科手术), K–Q non-operating-room procedure (非手术室操作), R–Z medical (内科).
 */
enum GroupKind {
    SURGICAL,
    NON_OR,
    MEDICAL;

    /** The kind of a DRG or ADRG code such as {@code GB13} or {@code ES2}. */
    static GroupKind of(String drg) {
        char c = drg.length() > 1 ? drg.charAt(1) : 'Z';
        if (c >= 'A' && c <= 'J') {
            return SURGICAL;
        }
        return c >= 'K' && c <= 'Q' ? NON_OR : MEDICAL;
    }
}
