package org.hqd.store.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * The users of a data directory with their password hashes, and logins: after {@link #MAX_FAILURES} failed
 * attempts in a row an account is locked for {@link #LOCK_TIME}.
 */
public final class UserStore {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);

    /** The outcome of a login attempt. */
    public enum Login { OK, WRONG, LOCKED }

    private final DataDirectory dir;

    public UserStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** Adds a user (or replaces the one of the same name, resetting failures); returns whether it replaced one. */
    public boolean add(User u, char[] password, PasswordHasher hasher) {
        String hash = hasher.hash(password);
        boolean existed = find(u.name()).isPresent();
        try (PreparedStatement s = dir.connection().prepareStatement(
                "INSERT OR REPLACE INTO users VALUES (?, ?, ?, ?, ?, ?, 0, NULL, current_timestamp)")) {
            s.setString(1, u.name());
            s.setString(2, u.role().name());
            s.setString(3, u.hospital().orElse(null));
            s.setString(4, u.department().orElse(null));
            s.setString(5, u.region().orElse(null));
            s.setString(6, hash);
            s.executeUpdate();
            return existed;
        } catch (SQLException e) {
            throw new StoreException("保存用户", e);
        }
    }

    public Optional<User> find(String name) {
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT name, role, hospital_id, department, region FROM users WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(user(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("读取用户", e);
        }
    }

    public List<User> list() {
        List<User> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT name, role, hospital_id, department, region FROM users ORDER BY name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(user(r));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取用户", e);
        }
    }

    /**
     * Checks a password at {@code now}: a locked account answers LOCKED without looking at the password; a wrong
     * password (or an unknown user) counts a failure and locks the account at the fifth in a row.
     */
    public synchronized Login login(String name, char[] password, Instant now) {
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT password_hash, failed_logins, locked_until FROM users WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    // the same slow work as for a real user, so timing does not tell which names exist
                    PasswordHasher.matches(password, DUMMY_HASH);
                    return Login.WRONG;
                }
                Timestamp locked = r.getTimestamp(3);
                if (locked != null && locked.toInstant().isAfter(now)) {
                    return Login.LOCKED;
                }
                if (PasswordHasher.matches(password, r.getString(1))) {
                    update("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE name = ?", name, null);
                    return Login.OK;
                }
                int failures = r.getInt(2) + 1;
                if (failures >= MAX_FAILURES) {
                    update("UPDATE users SET failed_logins = 0, locked_until = ? WHERE name = ?", name,
                            Timestamp.from(now.plus(LOCK_TIME)));
                    return Login.LOCKED;
                }
                update("UPDATE users SET failed_logins = failed_logins + 1 WHERE name = ?", name, null);
                return Login.WRONG;
            }
        } catch (SQLException e) {
            throw new StoreException("校验登录", e);
        }
    }

    private static final String DUMMY_HASH = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private void update(String sql, String name, Timestamp until) throws SQLException {
        try (PreparedStatement u = dir.connection().prepareStatement(sql)) {
            if (until != null) {
                u.setTimestamp(1, until);
                u.setString(2, name);
            } else {
                u.setString(1, name);
            }
            u.executeUpdate();
        }
    }

    private static User user(ResultSet r) throws SQLException {
        String roleName = r.getString(2);
        Role role = Role.of(roleName).orElseThrow(() -> new HqdException("未知角色 " + roleName));
        return new User(r.getString(1), role, Optional.ofNullable(r.getString(3)), Optional.ofNullable(r.getString(4)),
                Optional.ofNullable(r.getString(5)));
    }
}
