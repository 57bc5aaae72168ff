package org.hqd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a database to the current schema: applies, in order and each in its own transaction, the scripts
 * {@code migration/V<n>__<name>.sql} listed in {@code migration/index.txt} that are newer than the recorded
 * version. Scripts are never edited once released; a change is a new script.
 */
final class Migrations {
    private final Connection connection;

    Migrations(Connection connection) {
        this.connection = connection;
    }

    void apply() {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL)");
            int current;
            try (ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                r.next();
                current = r.getInt(1);
            }
            for (String name : DataDirectory.resource("migration/index.txt").split("\n")) {
                name = name.strip();
                if (name.isEmpty()) {
                    continue;
                }
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                if (version > current) {
                    run(version, name);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("升级数据库结构", e);
        }
    }

    private void run(int version, String name) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            for (String sql : DataDirectory.resource("migration/" + name).split(";\\s*(\\n|$)")) {
                String stmt = stripComments(sql);
                if (!stmt.isBlank()) {
                    s.execute(stmt);
                }
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO schema_version VALUES (?, ?, current_timestamp)")) {
                p.setInt(1, version);
                p.setString(2, name);
                p.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
