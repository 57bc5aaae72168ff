package org.hqd.store.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.access.Account;
import org.hqd.access.LoginResult;
import org.hqd.access.PasswordCheck;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * The users of a data directory with their password hashes. A disabled account keeps its row (and its name in the
 * audit log) but cannot log in. Counting failed logins is not kept here: see {@code org.hqd.access.LoginThrottle}.
 */
public final class UserStore {

    private static final String COLUMNS = "name, role, hospital_id, department, region, disabled_at";

    private final DataDirectory dir;
    private final PasswordCheck check;

    public UserStore(DataDirectory dir) {
        this(dir, PasswordCheck.STANDARD);
    }

    public UserStore(DataDirectory dir, PasswordCheck check) {
        this.dir = dir;
        this.check = check;
    }

    /** Adds a user with a password hash, or replaces the one of the same name (enabled again); whether it replaced. */
    public boolean put(User u, String passwordHash) {
        boolean existed = account(u.name()).isPresent();
        Query.of("保存用户", "INSERT OR REPLACE INTO users (name, role, hospital_id, department, region, "
                        + "password_hash, disabled_at, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, current_timestamp)")
                .bind(u.name(), u.role().name(), u.hospital().orElse(null), u.department().orElse(null),
                        u.region().orElse(null), passwordHash)
                .update(dir.connection());
        return existed;
    }

    /**
     * Adds or replaces a user with a password hashed here, when setting up a directory (a demo, a test); changes of
     * a running installation go through {@link UserAdministration}, which also ends the user's sessions.
     */
    public boolean add(User u, char[] password, org.hqd.access.PasswordHasher hasher) {
        return put(u, hasher.hash(password));
    }

    /** Sets a user's password hash; false when there is no such user. */
    public boolean setPassword(String name, String passwordHash) {
        return Query.of("修改密码", "UPDATE users SET password_hash = ? WHERE name = ?").bind(passwordHash, name)
                .update(dir.connection()) > 0;
    }

    /** Disables ({@code at} present) or enables an account; false when there is no such user. */
    public boolean setDisabled(String name, Optional<Instant> at) {
        return Query.of("停用或启用用户", "UPDATE users SET disabled_at = ? WHERE name = ?")
                .bind(s -> {
                    s.setTimestamp(1, at.map(Timestamp::from).orElse(null));
                    s.setString(2, name);
                }).update(dir.connection()) > 0;
    }

    /** Deletes a user; false when there is no such user. */
    public boolean delete(String name) {
        return Query.of("删除用户", "DELETE FROM users WHERE name = ?").bind(name).update(dir.connection()) > 0;
    }

    /** An enabled user of that name. */
    public Optional<User> find(String name) {
        return account(name).filter(a -> !a.disabled()).map(Account::user);
    }

    public Optional<Account> account(String name) {
        return Query.of("读取用户", "SELECT " + COLUMNS + " FROM users WHERE name = ?").bind(name)
                .first(dir.connection(), UserStore::account);
    }

    public List<Account> list() {
        return Query.of("读取用户", "SELECT " + COLUMNS + " FROM users ORDER BY name").list(dir.connection(),
                UserStore::account);
    }

    /**
     * Checks a password. Whatever the name, the slow hash is computed once (for an unknown name against a stand-in),
     * so that neither the answer nor its time tells whether the name exists.
     */
    public LoginResult login(String name, char[] password) {
        record Stored(String hash, boolean disabled) { }
        Optional<Stored> found = Query.of("校验登录", "SELECT password_hash, disabled_at IS NOT NULL FROM users "
                + "WHERE name = ?").bind(name).first(dir.connection(), r -> new Stored(r.getString(1), r.getBoolean(2)));
        Optional<String> stored = found.map(Stored::hash);
        boolean disabled = found.map(Stored::disabled).orElse(false);
        if (!check.matches(password, stored)) {
            return LoginResult.WRONG;
        }
        return disabled ? LoginResult.DISABLED : LoginResult.OK;
    }

    private static Account account(ResultSet r) throws SQLException {
        String roleName = r.getString(2);
        Role role = Role.of(roleName).orElseThrow(() -> new HqdException("未知角色 " + roleName));
        User u = new User(r.getString(1), role, Optional.ofNullable(r.getString(3)), Optional.ofNullable(r.getString(4)),
                Optional.ofNullable(r.getString(5)));
        return new Account(u, r.getTimestamp(6) != null);
    }
}
