package org.hqd.hospital;

import java.util.Optional;

/** The tier of a public hospital (DESIGN §2.3): targets differ by tier ("不搞一刀切"). */
public enum HospitalTier {
    NATIONAL_CENTER("国家医学中心"),
    NATIONAL_REGIONAL("国家区域医疗中心"),
    PROVINCIAL_REGIONAL("省级区域医疗中心"),
    CITY_TERTIARY("城市三级医院"),
    COUNTY("县级医院");

    private final String label;

    HospitalTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The label of a tier, or 未登记层级 for a hospital without one in the register. */
    public static String labelOf(Optional<HospitalTier> tier) {
        return tier.map(HospitalTier::label).orElse("未登记层级");
    }

    /** The tier with this name (e.g. {@code CITY_TERTIARY}), case and blanks ignored. */
    public static Optional<HospitalTier> byName(String name) {
        String n = name.strip().toUpperCase(java.util.Locale.ROOT);
        for (HospitalTier t : values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
