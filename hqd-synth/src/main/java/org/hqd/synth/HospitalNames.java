package org.hqd.synth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hqd.hospital.HospitalType;

/**
 * Names of synthetic hospitals in the style of real ones but in the invented places of {@link ExampleDivisions}
 * (示例医科大学第一附属医院, 示例省人民医院, 甲市第一人民医院, 甲一县中医医院, 乙市妇幼保健院), so that no name is a real
 * institution's; each is given once: a second hospital of the same kind in the same place gets the next ordinal
 * (第二人民医院, 中西医结合医院, …二分院).
 */
final class HospitalNames {
    /** Where a hospital is run from: it decides the place name in front and the numbering style. */
    enum Level { PROVINCE, CITY, COUNTY }

    private static final List<String> UNIVERSITY_HOSPITALS = List.of("示例医科大学第一附属医院", "示例医科大学第二附属医院");
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final Set<String> used = new HashSet<>();
    private int universityHospitals;

    /** A new name for a hospital of this type run at this level under this place name. */
    String next(String place, Level level, HospitalType type, Specialty specialty, boolean university) {
        if (university && universityHospitals < UNIVERSITY_HOSPITALS.size()) {
            String n = UNIVERSITY_HOSPITALS.get(universityHospitals++);
            if (used.add(n)) {
                return n;
            }
        }
        for (int k = 1; ; k++) {
            String n = place + ending(level, type, specialty, k);
            if (used.add(n)) {
                return n;
            }
        }
    }

    private static String ending(Level level, HospitalType type, Specialty specialty, int k) {
        switch (type) {
            case TCM:
                String tcm = level == Level.PROVINCE ? "中医院" : "中医医院";
                return k == 1 ? tcm : k == 2 ? "中西医结合医院" : tcm + numeral(k - 1) + "分院";
            case MATERNAL_CHILD:
                return k == 1 ? "妇幼保健院" : k == 2 ? "妇女儿童医院" : "妇幼保健院" + numeral(k - 1) + "分院";
            case SPECIALTY:
                String field = specialty == Specialty.NONE ? "专科医院" : specialty.nameSuffix();
                return k == 1 ? field : field + numeral(k) + "分院";
            default:
                if (level == Level.CITY) {
                    return "第" + numeral(k) + "人民医院";
                }
                return k == 1 ? "人民医院" : "第" + numeral(k) + "人民医院";
        }
    }

    /** A Chinese numeral for 1–99 (一, 十二, 二十), Arabic digits beyond. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
    }
}
