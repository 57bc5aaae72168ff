package org.hqd.hospital;

import java.util.Optional;

/** The type of a hospital: peers are compared within the same tier and type. */
public enum HospitalType {
    GENERAL("综合医院"),
    TCM("中医医院"),
    MATERNAL_CHILD("妇幼保健院"),
    SPECIALTY("专科医院");

    private final String label;

    HospitalType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The type with this name (e.g. {@code GENERAL}), case and blanks ignored. */
    public static Optional<HospitalType> byName(String name) {
        String n = name.strip().toUpperCase(java.util.Locale.ROOT);
        for (HospitalType t : values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
