package org.hqd.store.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The column lists DuckDB reads the staging CSVs with (names and types, in file order). */
final class StagingTables {
    static final String CASE_COLUMNS = "{'hospital_id':'VARCHAR','record_id':'VARCHAR','patient_id':'VARCHAR',"
            + "'sex':'VARCHAR','birth_date':'DATE','age_years':'INTEGER','age_days':'INTEGER',"
            + "'birth_weight_g':'INTEGER','admission_date':'DATE','discharge_date':'DATE','los_days':'INTEGER',"
            + "'admission_route':'VARCHAR','discharge_method':'VARCHAR','department':'VARCHAR',"
            + "'attending_physician':'VARCHAR','principal_dx':'VARCHAR','secondary_dx':'VARCHAR',"
            + "'principal_proc':'VARCHAR','other_procs':'VARCHAR','proc_levels':'VARCHAR','day_surgery':'BOOLEAN',"
            + "'payer':'VARCHAR','total_cost':'DOUBLE','cost_bed':'DOUBLE','cost_consultation':'DOUBLE',"
            + "'cost_exam':'DOUBLE','cost_lab':'DOUBLE','cost_treatment':'DOUBLE','cost_surgery':'DOUBLE',"
            + "'cost_nursing':'DOUBLE','cost_material':'DOUBLE','cost_western_drug':'DOUBLE','cost_herbal':'DOUBLE',"
            + "'cost_patent_drug':'DOUBLE','cost_general_service':'DOUBLE','cost_registration':'DOUBLE',"
            + "'cost_other':'DOUBLE','scheme':'VARCHAR','status':'VARCHAR','mdc':'VARCHAR','adrg':'VARCHAR',"
            + "'drg':'VARCHAR','cc':'BOOLEAN','mcc':'BOOLEAN','quality_flags':'VARCHAR','line':'BIGINT',"
            + "'row_hash':'UBIGINT'}";

    static final String FINDING_COLUMNS = "{'file':'VARCHAR','line':'BIGINT','hospital_id':'VARCHAR',"
            + "'record_id':'VARCHAR','period':'VARCHAR','rule_id':'VARCHAR','dimension':'VARCHAR',"
            + "'severity':'VARCHAR','message':'VARCHAR'}";

    private StagingTables() {
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
