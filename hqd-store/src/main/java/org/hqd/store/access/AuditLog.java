package org.hqd.store.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hqd.access.AuditEntry;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/** The audit log: logins, failed logins, imports, exports and setting changes, with who, when and from where. */
public final class AuditLog {

    private final DataDirectory dir;

    public AuditLog(DataDirectory dir) {
        this.dir = dir;
    }

    public void record(Instant at, Optional<String> user, String action, String detail, String client) {
        Query.of("写审计日志", "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?)").bind(Timestamp.from(at), user.orElse(null),
                action, detail, client).update(dir.connection());
    }

    /** The latest entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return Query.of("读取审计日志", "SELECT logged_at, user_name, action, detail, client FROM audit_log "
                + "ORDER BY logged_at DESC LIMIT ?").bind(limit).list(dir.connection(), r -> new AuditEntry(
                r.getTimestamp(1).toInstant(), Optional.ofNullable(r.getString(2)), r.getString(3), r.getString(4),
                r.getString(5)));
    }
}
