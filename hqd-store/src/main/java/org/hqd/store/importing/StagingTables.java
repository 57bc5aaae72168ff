package org.hqd.store.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.hqd.casemix.abstracts.AbstractColumn;

/** The column lists DuckDB reads the staging CSVs with (names and types, in file order), from the case schema. */
final class StagingTables {
    /**
     * What staging adds to the canonical columns of a case, in file order after them: the grouping, the rule ids of
     * warnings, the codes mapped to the insurance edition, the line in the input and the row's content hash.
     */
    static final List<String[]> RESULT_COLUMNS = List.of(new String[] {"scheme", "VARCHAR"},
            new String[] {"status", "VARCHAR"}, new String[] {"mdc", "VARCHAR"}, new String[] {"adrg", "VARCHAR"},
            new String[] {"drg", "VARCHAR"}, new String[] {"cc", "BOOLEAN"}, new String[] {"mcc", "BOOLEAN"},
            new String[] {"quality_flags", "VARCHAR"}, new String[] {"mapped_codes", "VARCHAR"},
            new String[] {"line", "BIGINT"}, new String[] {"row_hash", "UBIGINT"});

    /** The staged case files' columns: every column of the case schema ({@link AbstractColumn}), then the result. */
    static final String CASE_COLUMNS = caseColumns();

    static final String FINDING_COLUMNS = "{'file':'VARCHAR','line':'BIGINT','hospital_id':'VARCHAR',"
            + "'record_id':'VARCHAR','period':'VARCHAR','rule_id':'VARCHAR','dimension':'VARCHAR',"
            + "'severity':'VARCHAR','message':'VARCHAR'}";

    private StagingTables() {
    }

    private static String caseColumns() {
        StringBuilder b = new StringBuilder("{");
        for (AbstractColumn c : AbstractColumn.values()) {
            b.append(b.length() > 1 ? "," : "").append('\'').append(c.column()).append("':'").append(c.type().sqlType())
                    .append('\'');
        }
        for (String[] r : RESULT_COLUMNS) {
            b.append(",'").append(r[0]).append("':'").append(r[1]).append('\'');
        }
        return b.append('}').toString();
    }

    /** A {@code read_csv} call over a staging file with these columns. */
    static String reader(Path file, String columns) {
        return reader(List.of(file), columns);
    }

    /** A {@code read_csv} call over staging files with these columns, read as one table in file order. */
    static String reader(List<Path> files, String columns) {
        String list = files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        return "read_csv(" + list + ", header=false, auto_detect=false, delim=',', quote='\"', escape='\"', "
                + "columns=" + columns + ")";
    }
}
