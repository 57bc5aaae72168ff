package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrated tables against the one description of a case's columns (the migrations stay append-only SQL). */
final class CaseSchemaTest {

    @Test
    void caseRecords_afterAllMigrations_haveEveryColumnOfTheCaseSchemaWithItsType(@TempDir Path tmp) throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("d"))) {
            Map<String, String> table = columns(dir, "case_records");

            for (AbstractColumn c : AbstractColumn.values()) {
                assertThat(table).as(c.column()).containsEntry(c.column(), c.type().sqlType());
            }
            for (String[] r : StagingTables.RESULT_COLUMNS) {
                assertThat(table).as(r[0]).containsEntry(r[0], r[1]);
            }
            assertThat(table.keySet()).hasSize(AbstractColumn.values().length + StagingTables.RESULT_COLUMNS.size()
                    + 3); // batch_id, dip_key, dip_version
        }
    }

    @Test
    void casesView_showsEveryColumnOfTheCaseSchema(@TempDir Path tmp) throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(tmp.resolve("d"))) {
            Map<String, String> view = columns(dir, "cases");

            for (AbstractColumn c : AbstractColumn.values()) {
                assertThat(view).as(c.column()).containsEntry(c.column(), c.type().sqlType());
            }
            assertThat(view).containsKeys("mapped_codes", "rw", "dip_key", "drg");
            assertThat(columns(dir, "hospitals")).containsEntry("org_code", "VARCHAR");
        }
    }

    private static Map<String, String> columns(DataDirectory dir, String table) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> rows = Stores.rows(dir.connection(), "SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = '" + table + "' ORDER BY ordinal_position");
        for (String r : rows) {
            String[] p = r.split("\\|");
            out.put(p[0], p[1]);
        }
        return out;
    }
}
