package org.hqd.store.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/** The audit log: logins, failed logins, imports, exports and setting changes, with who, when and from where. */
public final class AuditLog {
    /** One entry. */
    public record Entry(Instant at, Optional<String> user, String action, String detail, String client) { }

    private final DataDirectory dir;

    public AuditLog(DataDirectory dir) {
        this.dir = dir;
    }

    public void record(Instant at, Optional<String> user, String action, String detail, String client) {
        try (PreparedStatement s = dir.connection().prepareStatement("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, user.orElse(null));
            s.setString(3, action);
            s.setString(4, detail);
            s.setString(5, client);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("写审计日志", e);
        }
    }

    /** The latest entries, newest first. */
    public List<Entry> latest(int limit) {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT logged_at, user_name, action, detail, client FROM audit_log ORDER BY logged_at DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Entry(r.getTimestamp(1).toInstant(), Optional.ofNullable(r.getString(2)),
                            r.getString(3), r.getString(4), r.getString(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取审计日志", e);
        }
    }
}
