package org.hqd.app.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** At most this many sessions and users are kept read; more (a flood of logins) empties the memory. */
    private static final int KEPT = 10_000;

    private final DataAccess data;
    private final Clock clock;
    /**
     * Sessions and enabled users read from the store, by token and by name, so that authenticating a request needs
     * no connection of the pool. A server is the only writer of its store's users and sessions (it holds the data
     * directory; the command line changes users through it), so they stay valid until {@link #endSession} or
     * {@link #usersChanged()}; a session's expiry is checked at every use.
     */
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();

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
        User kept = users.get(name);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<User> read = data.with(d -> new UserStore(d).find(name));
        read.ifPresent(u -> keep(users, name, u));
        return read;
    }

    /** Starts a session of a user (its token and CSRF token), living {@link #SESSION_LIFETIME}. */
    public NewSession startSession(String userName) {
        return data.with(d -> new SessionStore(d).create(userName, clock.instant()));
    }

    /** The live session of a token. */
    public Optional<Session> session(String token) {
        java.time.Instant now = clock.instant();
        Session kept = sessions.get(token);
        if (kept != null) {
            return kept.expiresAt().isAfter(now) ? Optional.of(kept) : Optional.empty();
        }
        Optional<Session> read = data.with(d -> new SessionStore(d).find(token, now));
        read.ifPresent(s -> keep(sessions, token, s));
        return read;
    }

    /**
     * Users or their sessions changed in the store (an account added, disabled, deleted, its password changed): the
     * sessions and users read before are read again.
     */
    public void usersChanged() {
        sessions.clear();
        users.clear();
    }

    private static <T> void keep(Map<String, T> kept, String key, T value) {
        if (kept.size() >= KEPT) {
            kept.clear();
        }
        kept.put(key, value);
    }

    /** Ends the session of a token. */
    public void endSession(String token) {
        data.with(d -> {
            new SessionStore(d).delete(token);
            return null;
        });
        sessions.remove(token);
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
