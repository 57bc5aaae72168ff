package org.hqd.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hqd.access.NewSession;
import org.hqd.access.PasswordHasher;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.DataAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sessions and users an AccessService keeps read: valid until they end, expire or users change. */
final class AccessServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final User HOSP = new User("hosp", Role.HOSPITAL, Optional.of("H0001"), Optional.empty(),
            Optional.empty());

    /** A clock a test moves. */
    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir
    Path tmp;
    private org.hqd.store.DataDirectory dir;
    private final MovingClock clock = new MovingClock();
    private AccessService access;
    private UserAdministration admin;

    @BeforeEach
    void open() {
        dir = org.hqd.store.DataDirectory.openForWriting(tmp.resolve("data"));
        access = new AccessService(DataAccess.of(dir), clock);
        admin = new UserAdministration(DataAccess.of(dir), clock, access::usersChanged);
        admin.apply(Actor.commandLine(), new UserAdministration.Add(HOSP, new PasswordHasher(
                UserAdministration.MIN_ITERATIONS, new SecureRandom()).hash("a-password-1".toCharArray())));
    }

    @AfterEach
    void close() {
        dir.close();
    }

    @Test
    void aKeptSession_expiresAtItsTime() {
        NewSession s = access.startSession("hosp");
        assertThat(access.session(s.token())).contains(s.session());
        clock.now = NOW.plus(AccessService.SESSION_LIFETIME).minus(Duration.ofSeconds(1));
        assertThat(access.session(s.token())).contains(s.session());
        clock.now = NOW.plus(AccessService.SESSION_LIFETIME);
        assertThat(access.session(s.token())).isEmpty();
    }

    @Test
    void anEndedSession_isNotKept() {
        NewSession s = access.startSession("hosp");
        assertThat(access.session(s.token())).isPresent();
        access.endSession(s.token());
        assertThat(access.session(s.token())).isEmpty();
    }

    @Test
    void aDisabledUser_andItsSessions_areGoneAtOnce() {
        NewSession s = access.startSession("hosp");
        assertThat(access.session(s.token())).isPresent();
        assertThat(access.user("hosp")).contains(HOSP);
        admin.apply(Actor.commandLine(), new UserAdministration.Disable("hosp"));
        assertThat(access.session(s.token())).isEmpty();
        assertThat(access.user("hosp")).isEmpty();
        admin.apply(Actor.commandLine(), new UserAdministration.Enable("hosp"));
        assertThat(access.user("hosp")).contains(HOSP);
    }
}
