package org.hqd.app;

import java.time.Instant;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.AuditLog;

/**
 * The audit entries of the use cases: when, the actor's account, the action, what it did, and the client. A service
 * writes its entry inside its own transaction, once, whatever the channel.
 */
public final class AuditTrail {
    private static final int CLIP = 40;

    private AuditTrail() {
    }

    public static void record(DataDirectory d, Instant at, Actor actor, String action, String detail) {
        new AuditLog(d).record(at, actor.account(), action, detail, actor.client());
    }

    /** A user's free text (a comment, a note, a file name) as an audit entry quotes it: at most 40 characters. */
    public static String clip(String s) {
        return s.length() > CLIP ? s.substring(0, CLIP) + "…" : s;
    }
}
