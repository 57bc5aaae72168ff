package org.hqd.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hqd.access.AuditEntry;
import org.hqd.store.access.AuditLog;

/** The audit log of a data directory, oldest first, for assertions. */
public final class AuditEntries {
    private AuditEntries() {
    }

    public static List<AuditEntry> of(DataAccess data) {
        List<AuditEntry> out = new ArrayList<>(data.with(d -> new AuditLog(d).latest(10_000)));
        Collections.reverse(out);
        return out;
    }

    /** The entries of one action, oldest first. */
    public static List<AuditEntry> of(DataAccess data, String action) {
        return of(data).stream().filter(e -> e.action().equals(action)).toList();
    }
}
