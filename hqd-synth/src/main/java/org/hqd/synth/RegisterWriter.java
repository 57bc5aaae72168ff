package org.hqd.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.hospital.HospitalColumn;
import org.hqd.hospital.SyntheticData;
import org.hqd.io.grouping.ResultCsv;

/**
 * Writes the hospital register file ({@code hospitals.csv}) in the columns of {@link HospitalColumn}, and the optional
 * column {@value SyntheticData#REGISTER_COLUMN} with {@code 1}: every hospital is generated, and a store that imports
 * the register labels what it shows 合成数据.
 */
final class RegisterWriter {
    private RegisterWriter() {
    }

    static void write(List<Hospital> hospitals, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", HospitalColumn.all()));
            w.write("," + SyntheticData.REGISTER_COLUMN + "\n");
            StringBuilder line = new StringBuilder(128);
            for (Hospital h : hospitals) {
                line.setLength(0);
                for (HospitalColumn c : HospitalColumn.values()) {
                    if (c.ordinal() > 0) {
                        line.append(',');
                    }
                    ResultCsv.field(line, value(h, c));
                }
                w.append(line).append(",1\n");
            }
        }
    }

    /**
     * The hospital's synthetic organisation code: {@code SYN} and six digits, nine characters like a 组织机构代码 but
     * never a real one.
     */
    static String orgCode(Hospital h) {
        return String.format("SYN%06d", h.index() + 1);
    }

    private static String value(Hospital h, HospitalColumn c) {
        switch (c) {
            case HOSPITAL_ID: return h.id();
            case NAME: return h.name();
            case PROVINCE_CODE: return ExampleDivisions.PROVINCE_CODE;
            case CITY_CODE: return h.city().code();
            case COUNTY_CODE: return h.county().code();
            case TIER: return h.tier().name();
            case TYPE: return h.type().name();
            case BEDS: return Integer.toString(h.beds());
            case ORG_CODE: return orgCode(h);
            default: throw new IllegalStateException("no value for register column " + c);
        }
    }
}
