package org.hqd.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The divisions of the synthetic province 示例省: invented names that cannot be mistaken for real places. Its ten
 * prefecture-level cities are named by the heavenly stems (甲市 … 癸市, the convention of anonymised examples), their
 * districts 东城区 / 西城区 carry the city's name in front (甲市东城区), their counties the city's stem and an ordinal
 * (甲一县, 甲二县, …). Codes follow the shape of GB/T 2260 under the prefix 99, which no real province uses.
 * Weights are relative populations, for placing hospitals.
 */
final class ExampleDivisions {
    static final String PROVINCE_CODE = "990000";
    static final String PROVINCE_NAME = "示例省";

    private static final String STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final double[] WEIGHTS = {4.4, 3.0, 2.5, 2.4, 2.2, 2.1, 1.8, 1.5, 1.1, 0.7};
    private static final int[] COUNTIES = {3, 6, 6, 8, 7, 7, 6, 4, 5, 7};

    /** The cities, the capital 甲市 first. */
    static final List<City> CITIES = cities();

    private ExampleDivisions() {
    }

    private static List<City> cities() {
        List<City> cities = new ArrayList<>(STEMS.length());
        for (int c = 0; c < STEMS.length(); c++) {
            char stem = STEMS.charAt(c);
            String code = String.format("99%02d", c + 1);
            List<County> counties = new ArrayList<>();
            counties.add(new County(code + "02", "东城区", County.Kind.DISTRICT));
            counties.add(new County(code + "03", "西城区", County.Kind.DISTRICT));
            for (int k = 1; k <= COUNTIES[c]; k++) {
                counties.add(new County(code + String.format("%02d", 20 + k), stem + HospitalNames.numeral(k) + "县",
                        County.Kind.COUNTY));
            }
            cities.add(new City(code + "00", stem + "市", WEIGHTS[c], counties));
        }
        return List.copyOf(cities);
    }
}
