package org.hqd.synth;

import java.util.List;

/**
 * A prefecture-level division (地级行政区) with its GB/T 2260 code and its county-level divisions, the first of
 * them the seat where the city's own hospitals stand.
 *
 * @param weight the city's relative population, for placing hospitals
 */
record City(String code, String name, double weight, List<County> counties) {
    City {
        counties = List.copyOf(counties);
    }

    /** The county-level division that seats the city government. */
    County seat() {
        return counties.get(0);
    }
}
