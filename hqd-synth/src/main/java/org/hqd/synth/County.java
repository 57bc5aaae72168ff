package org.hqd.synth;

/**
 * A county-level division (县级行政区) with its GB/T 2260 code.
 *
 * @param kind what it is: a district of a city (区), a county (县, including autonomous counties) or a
 *             county-level city (县级市); hospitals in a district carry the city's name
 */
record County(String code, String name, Kind kind) {

    enum Kind { DISTRICT, COUNTY, CITY }

    /** The name hospitals of this county put before their own, e.g. 甲一县, 甲市东城区 (a district: the city's name first). */
    String hospitalPrefix(City city) {
        return kind == Kind.DISTRICT ? city.name() + name : name;
    }
}
