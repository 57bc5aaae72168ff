package org.hqd.app.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hqd.access.AuditEntry;
import org.hqd.access.LoginResult;
import org.hqd.access.NewSession;
import org.hqd.access.Session;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.store.access.AuditLog;
import org.hqd.store.access.SessionStore;
import org.hqd.store.access.UserStore;

/**
 * Who may use the web application: checking a password, the sessions of logged-in users, and the audit log (its
 * entries, and those of events no other use case writes: logins, logouts, exports). Changing users is
 * {@link UserAdministration}'s. Role checks stay in the web adapter, which knows the roles of its requests.
 */
public final class AccessService {
    /** How long a session lives after login. */
    public static final Duration SESSION_LIFETIME = SessionStore.LIFETIME;

    private final DataAccess data;
    private final Clock clock;

    public AccessService(DataAccess data, Clock clock) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks a password. Whatever the name, the slow hash is computed once, so that neither the answer nor its time
     * tells whether the name exists.
     */
    public LoginResult login(String name, char[] password) {
        return data.with(d -> new UserStore(d).login(name, password));
    }

    /** An enabled user by name. */
    public Optional<User> user(String name) {
        return data.with(d -> new UserStore(d).find(name));
    }

    /** Starts a session of a user (its token and CSRF token), living {@link #SESSION_LIFETIME}. */
    public NewSession startSession(String userName) {
        return data.with(d -> new SessionStore(d).create(userName, clock.instant()));
    }

    /** The live session of a token. */
    public Optional<Session> session(String token) {
        return data.with(d -> new SessionStore(d).find(token, clock.instant()));
    }

    /** Ends the session of a token. */
    public void endSession(String token) {
        data.with(d -> {
            new SessionStore(d).delete(token);
            return null;
        });
    }

    /** Writes an audit entry of an event that changes nothing else (a login, a logout, an export). */
    public void audit(Actor actor, String action, String detail) {
        data.with(d -> {
            AuditTrail.record(d, clock.instant(), actor, action, detail);
            return null;
        });
    }

    /** The latest entries of the audit log, newest first (at most {@code limit}). */
    public List<AuditEntry> auditLog(int limit) {
        return data.with(d -> new AuditLog(d).latest(limit));
    }
}
