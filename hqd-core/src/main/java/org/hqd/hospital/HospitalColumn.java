package org.hqd.hospital;

import java.util.List;
import java.util.stream.Stream;

/**
 * The columns of the hospital register file ({@code hospitals.csv}), in this order. {@link #ORG_CODE} (组织机构代码 or
 * 医保定点编码, by which the national layouts name the hospital) may be left out of a file.
 */
public enum HospitalColumn {
    HOSPITAL_ID("hospital_id", "医疗机构编码"),
    NAME("name", "机构名称"),
    PROVINCE_CODE("province_code", "省级行政区划代码"),
    CITY_CODE("city_code", "地市行政区划代码"),
    COUNTY_CODE("county_code", "区县行政区划代码"),
    TIER("tier", "医院层级"),
    TYPE("type", "医院类别"),
    BEDS("beds", "编制床位数"),
    ORG_CODE("org_code", "组织机构代码");

    private final String column;
    private final String label;

    HospitalColumn(String column, String label) {
        this.column = column;
        this.label = label;
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The columns a register file must have, in file order. */
    public static List<String> header() {
        return Stream.of(values()).filter(c -> c != ORG_CODE).map(HospitalColumn::column).toList();
    }

    /** Every column, in file order: what a register file is written with. */
    public static List<String> all() {
        return Stream.of(values()).map(HospitalColumn::column).toList();
    }
}
