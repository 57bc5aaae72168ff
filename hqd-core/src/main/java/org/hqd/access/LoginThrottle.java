package org.hqd.access;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows password guessing without letting anyone lock another person out. Failed logins are counted per source
 * (the client's address) and account, and per source alone; once a count passes its free failures, the next attempt
 * from that source has to wait, and the wait doubles with every further failure up to a ceiling. Nothing is counted
 * per account alone: a stranger guessing {@code admin}'s password from elsewhere slows only himself, and the admin
 * logs in from his own address as usual. The count does not depend on whether the account exists, so the answers
 * tell no names. One attempt per source and account is checked at a time, so parallel requests cannot get past the
 * count.
 *
 * <p>Counts live in memory (a restart forgets them) and are bounded: an entry is forgotten an hour after its last
 * failure, and beyond {@link Policy#capacity()} entries the least recently failing is dropped.
 */
public final class LoginThrottle {
    /** How many failures are free, the first wait after them, its ceiling, when a count is forgotten, how many kept. */
    public record Policy(int freeFailures, Duration firstWait, Duration maxWait, Duration forgetAfter, int capacity) {
        public Policy {
            if (freeFailures < 1 || firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0
                    || capacity < 1) {
                throw new IllegalArgumentException("bad throttle policy");
            }
        }

        /** Per source and account: five free failures, then 1 s, 2 s, 4 s … up to 15 minutes. */
        public static final Policy PER_ACCOUNT = new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 100_000);
        /** Per source, whatever the account: twenty free failures, then the same doubling. */
        public static final Policy PER_SOURCE = new Policy(20, Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 100_000);

        /** The wait after the {@code failures}-th failure in a row. */
        Duration waitAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(30, failures - freeFailures);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    /** The state of one key: failures in a row, when the next attempt may come, whether one is being checked. */
    private static final class Count {
        int failures;
        Instant lastFailure = Instant.MIN;
        Instant next = Instant.MIN;
        Instant checking;
    }

    /** How long an attempt may be marked as being checked before it is taken as lost (a request that died). */
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final Policy perAccount;
    private final Policy perSource;
    private final Map<String, Count> accounts;
    private final Map<String, Count> sources;

    public LoginThrottle(Policy perAccount, Policy perSource) {
        this.perAccount = Objects.requireNonNull(perAccount);
        this.perSource = Objects.requireNonNull(perSource);
        this.accounts = bounded(perAccount.capacity());
        this.sources = bounded(perSource.capacity());
    }

    public static LoginThrottle standard() {
        return new LoginThrottle(Policy.PER_ACCOUNT, Policy.PER_SOURCE);
    }

    private static Map<String, Count> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Asks to check a password of {@code account} from {@code source} at {@code now}: empty when it may be checked
     * (the caller then reports the outcome with {@link #finish}), else how long to wait first.
     */
    public synchronized Optional<Duration> begin(String source, String account, Instant now) {
        Count pair = live(accounts, key(source, account), perAccount, now);
        Count src = live(sources, source, perSource, now);
        if (pair.checking != null && pair.checking.plus(CHECK_TIMEOUT).isAfter(now)) {
            return Optional.of(Duration.ofSeconds(1));
        }
        Instant next = pair.next.isAfter(src.next) ? pair.next : src.next;
        if (next.isAfter(now)) {
            return Optional.of(Duration.between(now, next));
        }
        pair.checking = now;
        return Optional.empty();
    }

    /** The outcome of an attempt {@link #begin} allowed: a success clears the account's count, a failure adds to both. */
    public synchronized void finish(String source, String account, boolean success, Instant now) {
        Count pair = live(accounts, key(source, account), perAccount, now);
        Count src = live(sources, source, perSource, now);
        pair.checking = null;
        if (success) {
            accounts.remove(key(source, account));
            return;
        }
        fail(pair, perAccount, now);
        fail(src, perSource, now);
    }

    private static void fail(Count c, Policy p, Instant now) {
        c.failures++;
        c.lastFailure = now;
        c.next = now.plus(p.waitAfter(c.failures));
    }

    /** The count of a key, new when there is none or the last failure is older than the policy keeps. */
    private static Count live(Map<String, Count> map, String key, Policy p, Instant now) {
        Count c = map.get(key);
        if (c == null || c.checking == null && c.failures > 0 && c.lastFailure.plus(p.forgetAfter()).isBefore(now)) {
            c = new Count();
            map.put(key, c);
        }
        return c;
    }

    private static String key(String source, String account) {
        return source + '\n' + account;
    }
}
