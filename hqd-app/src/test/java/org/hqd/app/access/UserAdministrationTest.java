package org.hqd.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.hqd.HqdException;
import org.hqd.access.AuditEntry;
import org.hqd.access.LoginResult;
import org.hqd.access.NewSession;
import org.hqd.access.PasswordCheck;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.hqd.app.StoreRows;
import org.hqd.store.DataDirectory;
import org.hqd.store.access.AuditLog;
import org.hqd.store.access.SessionStore;
import org.hqd.store.access.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UserAdministrationTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final PasswordHasher HASHER = new PasswordHasher(UserAdministration.MIN_ITERATIONS, new SecureRandom());
    private static final String OLD = "old-password-1";
    private static final String NEW = "new-password-2";
    private static final User HOSP = new User("hosp", Role.HOSPITAL, Optional.of("H0001"), Optional.empty(), Optional.empty());

    @TempDir
    Path tmp;
    private DataDirectory dir;
    private UserAdministration admin;

    @BeforeEach
    void open() {
        dir = DataDirectory.openForWriting(tmp.resolve("data"));
        admin = new UserAdministration(DataAccess.of(dir), Clock.fixed(NOW, ZoneOffset.UTC));
        admin.apply(Actor.commandLine(), new UserAdministration.Add(HOSP, HASHER.hash(OLD.toCharArray())));
    }

    @AfterEach
    void close() {
        dir.close();
    }

    private LoginResult login(String name, String password) {
        return new UserStore(dir).login(name, password.toCharArray());
    }

    private int sessions(String user) {
        return Integer.parseInt(StoreRows.rows(dir, "SELECT count(*) FROM sessions WHERE user_name = '" + user
                + "'").get(0));
    }

    @Nested
    final class SessionsEnd {
        @Test
        void whenThePasswordChanges() {
            NewSession s = new SessionStore(dir).create("hosp", NOW);
            UserAdministration.Outcome o = admin.apply(Actor.commandLine(), new UserAdministration.Passwd("hosp",
                    HASHER.hash(NEW.toCharArray())));
            assertThat(o.sessionsEnded()).isEqualTo(1);
            assertThat(o.message()).isEqualTo("已修改密码 hosp；已结束其 1 个登录会话");
            assertThat(new SessionStore(dir).find(s.token(), NOW)).isEmpty();
            assertThat(login("hosp", OLD)).isEqualTo(LoginResult.WRONG);
            assertThat(login("hosp", NEW)).isEqualTo(LoginResult.OK);
        }

        @Test
        void whenTheAccountIsReplaced() {
            new SessionStore(dir).create("hosp", NOW);
            new SessionStore(dir).create("hosp", NOW);
            User moved = new User("hosp", Role.HOSPITAL, Optional.of("H0002"), Optional.empty(), Optional.empty());
            UserAdministration.Outcome o = admin.apply(Actor.commandLine(),
                    new UserAdministration.Add(moved, HASHER.hash(OLD.toCharArray())));
            assertThat(o.message()).isEqualTo("已重置用户 hosp（医院，医院 H0002）；已结束其 2 个登录会话");
            assertThat(sessions("hosp")).isZero();
            assertThat(new UserStore(dir).find("hosp").orElseThrow().hospital()).contains("H0002");
        }

        @Test
        void whenTheAccountIsDisabled_andItCannotLogInUntilEnabled() {
            new SessionStore(dir).create("hosp", NOW);
            admin.apply(Actor.commandLine(), new UserAdministration.Disable("hosp"));
            assertThat(sessions("hosp")).isZero();
            assertThat(new UserStore(dir).find("hosp")).isEmpty();
            assertThat(new UserStore(dir).account("hosp").orElseThrow().disabled()).isTrue();
            // a disabled account is told apart only with its right password
            assertThat(login("hosp", OLD)).isEqualTo(LoginResult.DISABLED);
            assertThat(login("hosp", "wrong-password")).isEqualTo(LoginResult.WRONG);
            admin.apply(Actor.commandLine(), new UserAdministration.Enable("hosp"));
            assertThat(login("hosp", OLD)).isEqualTo(LoginResult.OK);
        }

        @Test
        void whenTheAccountIsDeleted_andTheAuditLogKeepsItsName() {
            new SessionStore(dir).create("hosp", NOW);
            admin.apply(Actor.commandLine(), new UserAdministration.Delete("hosp"));
            assertThat(sessions("hosp")).isZero();
            assertThat(new UserStore(dir).account("hosp")).isEmpty();
            assertThat(login("hosp", OLD)).isEqualTo(LoginResult.WRONG);
            assertThat(new AuditLog(dir).latest(10)).extracting(AuditEntry::action, AuditEntry::detail)
                    .contains(org.assertj.core.groups.Tuple.tuple("删除用户", "hosp，结束会话 1 个"));
        }
    }

    @Test
    void aChangeOfAnUnknownUser_isRefusedAndChangesNothing() {
        assertThatThrownBy(() -> admin.apply(Actor.commandLine(), new UserAdministration.Disable("nobody")))
                .isInstanceOf(HqdException.class).hasMessage("没有用户 nobody（hqd user list 列出用户）");
        assertThat(new AuditLog(dir).latest(10)).extracting(AuditEntry::action).containsExactly("新增用户");
    }

    @Test
    void aWeakOrMalformedHash_isRefused() {
        String weak = new PasswordHasher(1_000, new SecureRandom()).hash(NEW.toCharArray());
        assertThatThrownBy(() -> new UserAdministration.Passwd("hosp", weak)).isInstanceOf(HqdException.class)
                .hasMessageContaining("至少 100000 次迭代");
        assertThatThrownBy(() -> new UserAdministration.Passwd("hosp", NEW)).isInstanceOf(HqdException.class);
    }

    @Test
    void login_doesTheSlowWorkOnceWhateverTheName() {
        AtomicInteger derivations = new AtomicInteger();
        PasswordCheck counting = (pw, stored) -> {
            derivations.incrementAndGet();
            return PasswordCheck.STANDARD.matches(pw, stored);
        };
        UserStore users = new UserStore(dir, counting);
        assertThat(users.login("nobody", OLD.toCharArray())).isEqualTo(LoginResult.WRONG);
        assertThat(users.login("hosp", "wrong-password".toCharArray())).isEqualTo(LoginResult.WRONG);
        admin.apply(Actor.commandLine(), new UserAdministration.Disable("hosp"));
        assertThat(users.login("hosp", "wrong-password".toCharArray())).isEqualTo(LoginResult.WRONG);
        assertThat(derivations).hasValue(3);
    }

    @Test
    void version9_keepsTheUsersOfAnOlderDirectory() throws Exception {
        Path old = tmp.resolve("old");
        String hash = HASHER.hash(OLD.toCharArray());
        // a directory as version 8 left it (the migrations V1–V8 as they are shipped), with a user of the users table
        // of version 6 and its lock-out columns
        try (var c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + java.nio.file.Files.createDirectories(old)
                .resolve("hqd.duckdb"), new java.util.Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL)");
            for (String name : migration("index.txt").split("\n")) {
                int v = Integer.parseInt(name.substring(1, name.indexOf("__")));
                if (v > 8) {
                    break;
                }
                for (String sql : migration(name).split(";\\s*(\\n|$)")) {
                    String stmt = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(
                            java.util.stream.Collectors.joining("\n"));
                    if (!stmt.isBlank()) {
                        s.execute(stmt);
                    }
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ", '" + name + "', current_timestamp)");
            }
            s.execute("INSERT INTO users VALUES ('hosp', 'HOSPITAL', 'H0001', NULL, NULL, '" + hash + "', 3, "
                    + "TIMESTAMP '2099-01-01', current_timestamp)");
        }
        try (DataDirectory upgraded = DataDirectory.openForWriting(old)) {
            assertThat(StoreRows.rows(upgraded, "SELECT column_name FROM information_schema.columns "
                    + "WHERE table_name = 'users' ORDER BY ordinal_position")).containsExactly("name", "role",
                    "hospital_id", "department", "region", "password_hash", "created_at", "disabled_at");
            // the lock of version 6 is gone with its column: the user logs in
            assertThat(new UserStore(upgraded).login("hosp", OLD.toCharArray())).isEqualTo(LoginResult.OK);
        }
    }

    private static String migration(String name) throws java.io.IOException {
        try (var in = DataDirectory.class.getResourceAsStream("migration/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
