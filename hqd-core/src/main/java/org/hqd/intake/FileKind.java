package org.hqd.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a file holds, recognised by its header: discharge abstracts, the hospital register, monthly facility reports
 * or the yearly hospital report (机构年报).
 */
public enum FileKind {
    ABSTRACTS("病案首页"),
    HOSPITALS("医院名册"),
    FACILITY_REPORTS("机构报表"),
    ANNUAL_REPORTS("机构年报");

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind whose identifying columns the header has. */
    public static Optional<FileKind> recognise(List<String> header) {
        Set<String> cols = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        if (cols.contains("record_id") && cols.contains("principal_dx")) {
            return Optional.of(ABSTRACTS);
        }
        if (cols.contains("hospital_id") && cols.contains("tier")) {
            return Optional.of(HOSPITALS);
        }
        if (cols.contains("hospital_id") && cols.contains("period")) {
            return Optional.of(FACILITY_REPORTS);
        }
        if (cols.contains("hospital_id") && cols.contains("year")) {
            return Optional.of(ANNUAL_REPORTS);
        }
        return Optional.empty();
    }
}
