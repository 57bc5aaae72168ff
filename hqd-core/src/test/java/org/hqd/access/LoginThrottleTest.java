package org.hqd.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

final class LoginThrottleTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
    private static final String ATTACKER = "203.0.113.9";
    private static final String ADMIN_DESK = "10.0.0.5";

    /** Fails {@code n} attempts one after the other, each as soon as it is allowed; returns the time after them. */
    private static Instant fail(LoginThrottle t, String source, String account, int n, Instant from) {
        Instant now = from;
        for (int i = 0; i < n; i++) {
            Optional<Duration> wait = t.begin(source, account, now);
            if (wait.isPresent()) {
                now = now.plus(wait.get());
                assertThat(t.begin(source, account, now)).isEmpty();
            }
            t.finish(source, account, false, now);
        }
        return now;
    }

    @Nested
    final class PerSourceAndAccount {
        @Test
        void fiveFailuresAreFree_thenTheWaitDoubles() {
            LoginThrottle t = LoginThrottle.standard();
            fail(t, ATTACKER, "admin", 4, T0);
            assertThat(t.begin(ATTACKER, "admin", T0)).isEmpty();
            t.finish(ATTACKER, "admin", false, T0);
            // the fifth failure: 1 s; the sixth 2 s, the seventh 4 s
            assertThat(t.begin(ATTACKER, "admin", T0)).contains(Duration.ofSeconds(1));
            assertThat(t.begin(ATTACKER, "admin", T0.plusMillis(400))).contains(Duration.ofMillis(600));
            t.begin(ATTACKER, "admin", T0.plusSeconds(1));
            t.finish(ATTACKER, "admin", false, T0.plusSeconds(1));
            assertThat(t.begin(ATTACKER, "admin", T0.plusSeconds(1))).contains(Duration.ofSeconds(2));
            t.begin(ATTACKER, "admin", T0.plusSeconds(3));
            t.finish(ATTACKER, "admin", false, T0.plusSeconds(3));
            assertThat(t.begin(ATTACKER, "admin", T0.plusSeconds(3))).contains(Duration.ofSeconds(4));
        }

        @Test
        void theWaitStopsAtFifteenMinutes() {
            LoginThrottle t = LoginThrottle.standard();
            Instant end = fail(t, ATTACKER, "admin", 30, T0);
            assertThat(t.begin(ATTACKER, "admin", end)).contains(Duration.ofMinutes(15));
        }

        @Test
        void aStrangersFailures_doNotStopTheAccountFromAnotherAddress() {
            LoginThrottle t = LoginThrottle.standard();
            Instant end = fail(t, ATTACKER, "admin", 30, T0);
            assertThat(t.begin(ATTACKER, "admin", end)).isPresent();
            assertThat(t.begin(ADMIN_DESK, "admin", end)).isEmpty();
            t.finish(ADMIN_DESK, "admin", true, end);
        }

        @Test
        void aSuccess_clearsTheAccountsCount() {
            LoginThrottle t = LoginThrottle.standard();
            Instant end = fail(t, ADMIN_DESK, "admin", 4, T0);
            t.begin(ADMIN_DESK, "admin", end);
            t.finish(ADMIN_DESK, "admin", true, end);
            fail(t, ADMIN_DESK, "admin", 4, end);
            assertThat(t.begin(ADMIN_DESK, "admin", end)).isEmpty();
        }

        @Test
        void countsAreForgottenAnHourAfterTheLastFailure() {
            LoginThrottle t = LoginThrottle.standard();
            Instant end = fail(t, ATTACKER, "admin", 12, T0);
            Instant later = end.plus(Duration.ofHours(1)).plusSeconds(1);
            // free again: five failures before the first wait
            fail(t, ATTACKER, "admin", 4, later);
            assertThat(t.begin(ATTACKER, "admin", later)).isEmpty();
        }

        @Test
        void oneAttemptIsCheckedAtATime() {
            LoginThrottle t = LoginThrottle.standard();
            assertThat(t.begin(ATTACKER, "admin", T0)).isEmpty();
            // a second request while the first is being checked waits
            assertThat(t.begin(ATTACKER, "admin", T0)).contains(Duration.ofSeconds(1));
            // another account from the same address is checked meanwhile
            assertThat(t.begin(ATTACKER, "hosp", T0)).isEmpty();
            t.finish(ATTACKER, "admin", false, T0);
            assertThat(t.begin(ATTACKER, "admin", T0)).isEmpty();
            // a check that never reported (a request that died) stops blocking after 30 s
            assertThat(t.begin(ATTACKER, "admin", T0.plusSeconds(29))).isPresent();
            assertThat(t.begin(ATTACKER, "admin", T0.plusSeconds(31))).isEmpty();
        }

        @Test
        void unknownAndKnownNames_areCountedAlike() {
            LoginThrottle t = LoginThrottle.standard();
            // the throttle knows no accounts: a name that does not exist gets the same waits as one that does
            Instant a = fail(t, ATTACKER, "admin", 7, T0);
            Instant b = fail(t, "198.51.100.7", "no-such-user", 7, T0);
            assertThat(Duration.between(T0, a)).isEqualTo(Duration.between(T0, b));
            assertThat(t.begin(ATTACKER, "admin", a)).isEqualTo(t.begin("198.51.100.7", "no-such-user", b));
        }
    }

    @Nested
    final class PerSource {
        @Test
        void guessingManyAccountsFromOneAddress_isSlowedAfterTwentyFailures() {
            LoginThrottle t = LoginThrottle.standard();
            Instant now = T0;
            for (int i = 0; i < 19; i++) {
                now = fail(t, ATTACKER, "user" + i, 1, now);
            }
            assertThat(t.begin(ATTACKER, "user19", now)).isEmpty();
            t.finish(ATTACKER, "user19", false, now);
            // the twentieth failure from the address: every account from it now waits 1 s
            assertThat(t.begin(ATTACKER, "user20", now)).contains(Duration.ofSeconds(1));
            // other addresses are not concerned
            assertThat(t.begin(ADMIN_DESK, "user20", now)).isEmpty();
            // a success on an account of the attacker's own does not clear the address's count
            Instant later = now.plusSeconds(1);
            assertThat(t.begin(ATTACKER, "own", later)).isEmpty();
            t.finish(ATTACKER, "own", true, later);
            assertThat(t.begin(ATTACKER, "user21", later)).isEmpty();
            t.finish(ATTACKER, "user21", false, later);
            assertThat(t.begin(ATTACKER, "user22", later)).contains(Duration.ofSeconds(2));
        }
    }

    @Test
    void entriesBeyondTheCapacity_dropTheLeastRecentlyFailing() {
        LoginThrottle.Policy small = new LoginThrottle.Policy(1, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 2);
        LoginThrottle t = new LoginThrottle(small, LoginThrottle.Policy.PER_SOURCE);
        fail(t, "a", "x", 1, T0);
        fail(t, "b", "x", 1, T0);
        assertThat(t.begin("a", "x", T0)).isPresent();
        fail(t, "c", "x", 1, T0);
        // three pairs in a map of two: the least recently used ("b") is dropped; the memory stays bounded
        assertThat(t.begin("b", "x", T0)).isEmpty();
    }
}
