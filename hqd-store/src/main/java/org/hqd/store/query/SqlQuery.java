package org.hqd.store.query;

import java.io.IOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import org.hqd.io.csv.CsvCells;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * Runs one read-only SQL statement over a data directory's views ({@code cases}, {@code rejects}, {@code hospitals},
 * {@code facility_reports} …) and data tables and writes the result as CSV with a header (cells through
 * {@link org.hqd.io.csv.CsvCells}, so a spreadsheet shows them as text). The directory must be opened read-only;
 * access to files is switched off and the configuration locked first, and {@link SqlGuard} refuses anything but one
 * SELECT over readable tables before it runs.
 */
public final class SqlQuery {
    private final DataDirectory dir;

    public SqlQuery(DataDirectory dir) {
        this.dir = dir;
    }

    /** Writes the result and returns the number of rows. */
    public long run(String sql, Writer out) throws IOException {
        try (Statement s = dir.connection().createStatement()) {
            s.execute("SET enable_external_access = false");
            s.execute("SET lock_configuration = true");
            SqlGuard.check(dir.connection(), sql);
            try (ResultSet r = s.executeQuery(sql)) {
                ResultSetMetaData m = r.getMetaData();
                int n = m.getColumnCount();
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    CsvCells.append(i > 1 ? line.append(',') : line, m.getColumnLabel(i));
                }
                out.write(line.append('\n').toString());
                long rows = 0;
                while (r.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= n; i++) {
                        Object v = r.getObject(i);
                        CsvCells.append(i > 1 ? line.append(',') : line, v == null ? "" : v.toString());
                    }
                    out.write(line.append('\n').toString());
                    rows++;
                }
                out.flush();
                return rows;
            }
        } catch (SQLException e) {
            throw new StoreException("SQL 查询", e);
        }
    }
}
