package org.hqd.io.grouping;

import java.util.List;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.io.csv.CsvCells;

/** The results file of {@code hqd group}: {@code record_id,status,mdc,adrg,drg,drg_name,cc,mcc[,trace]}. */
public final class ResultCsv {
    /** The header, without and with the trace column. */
    public static final String HEADER = "record_id,status,mdc,adrg,drg,drg_name,cc,mcc";
    public static final String HEADER_TRACED = HEADER + ",trace";

    private ResultCsv() {
    }

    /** Appends one result line (with its newline); the trace's steps are numbered, one per line of the cell. */
    public static void append(StringBuilder out, GroupingResult r, boolean trace) {
        field(out, r.recordId()).append(',').append(r.status().name()).append(',');
        field(out, r.mdc()).append(',');
        field(out, r.adrg()).append(',');
        field(out, r.drg()).append(',');
        field(out, r.drgName()).append(',');
        boolean invalid = r.status() == GroupingStatus.INVALID;
        out.append(invalid ? "" : r.cc() ? "1" : "0").append(',').append(invalid ? "" : r.mcc() ? "1" : "0");
        if (trace) {
            out.append(',');
            field(out, numbered(r.trace()));
        }
        out.append('\n');
    }

    static String numbered(List<String> steps) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                s.append('\n');
            }
            s.append(i + 1).append(". ").append(steps.get(i));
        }
        return s.toString();
    }

    /** Appends a CSV field: {@link CsvCells#append} (quoted when needed, formula-like text neutralised). */
    public static StringBuilder field(StringBuilder out, String v) {
        return CsvCells.append(out, v);
    }
}
