package org.hqd.app.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.access.Account;
import org.hqd.access.PasswordHasher;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.AuditTrail;
import org.hqd.app.DataAccess;
import org.hqd.hospital.Regions;
import org.hqd.store.access.SessionStore;
import org.hqd.store.access.UserStore;

/**
 * Changes to the users of an installation, each in one transaction with what must go with it: a new password, a
 * disabled or deleted account, a replaced account (another role or hospital) ends the user's sessions at once, and
 * every change is written to the audit log. Passwords arrive hashed ({@link PasswordHasher}); the clear password
 * never reaches the store. The command line applies changes here directly, or through the running server (which
 * holds the database) that applies them here. The audit entry names no account (only the owner of the data directory
 * changes users) and the actor's client.
 */
public final class UserAdministration {
    /** The least iteration count a hash sent to the store may have (the standard is 600,000). */
    public static final int MIN_ITERATIONS = 100_000;

    /** A change of the users. */
    public sealed interface Change {
        String name();
    }

    /** Adds a user, or replaces the one of that name (enabled again, its sessions ended). */
    public record Add(User user, String passwordHash) implements Change {
        public Add {
            Objects.requireNonNull(user);
            checkHash(passwordHash);
        }

        @Override
        public String name() {
            return user.name();
        }
    }

    /** Sets a new password and ends the user's sessions. */
    public record Passwd(String name, String passwordHash) implements Change {
        public Passwd {
            Objects.requireNonNull(name);
            checkHash(passwordHash);
        }
    }

    /** Disables an account (it cannot log in; its sessions end); enabling it again needs {@link Enable}. */
    public record Disable(String name) implements Change { }

    public record Enable(String name) implements Change { }

    /** Deletes an account and its sessions; the audit log keeps its name. */
    public record Delete(String name) implements Change { }

    /** What a change did, in words for the person who asked for it, and how many sessions it ended. */
    public record Outcome(String message, int sessionsEnded) { }

    private final DataAccess data;
    private final Clock clock;
    private final Runnable changed;

    public UserAdministration(DataAccess data, Clock clock) {
        this(data, clock, () -> { });
    }

    /** {@code changed} runs after every applied change (a server forgets the sessions and users it has read). */
    public UserAdministration(DataAccess data, Clock clock, Runnable changed) {
        this.data = Objects.requireNonNull(data, "data");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    /** Applies a change for an actor of the command line (directly, or through the server for it). */
    public Outcome apply(Actor actor, Change change) {
        try {
            return applyNow(actor, change);
        } finally {
            changed.run();
        }
    }

    private Outcome applyNow(Actor actor, Change change) {
        Instant now = clock.instant();
        return data.inTransaction("修改用户 " + change.name(), dir -> {
            UserStore users = new UserStore(dir);
            SessionStore sessions = new SessionStore(dir);
            String action;
            String detail = change.name();
            if (change instanceof Add a) {
                action = users.put(a.user(), a.passwordHash()) ? "重置用户" : "新增用户";
                detail = a.name() + "（" + a.user().role().label() + describe(a.user()) + "）";
            } else if (change instanceof Passwd p) {
                require(users.setPassword(p.name(), p.passwordHash()), p.name());
                action = "修改密码";
            } else if (change instanceof Disable) {
                require(users.setDisabled(change.name(), Optional.of(now)), change.name());
                action = "停用用户";
            } else if (change instanceof Enable) {
                require(users.setDisabled(change.name(), Optional.empty()), change.name());
                action = "启用用户";
            } else {
                require(users.delete(change.name()), change.name());
                action = "删除用户";
            }
            int ended = change instanceof Enable ? 0 : sessions.revokeAll(change.name());
            AuditTrail.record(dir, now, actor, action, detail + (ended > 0 ? "，结束会话 " + ended + " 个" : ""));
            return new Outcome("已" + action + " " + detail + (ended > 0 ? "；已结束其 " + ended + " 个登录会话" : ""), ended);
        });
    }

    /** The users with their state. */
    public List<Account> list() {
        return data.with(d -> new UserStore(d).list());
    }

    private static String describe(User u) {
        return u.hospital().map(h -> "，医院 " + h).orElse("") + u.department().map(d -> "，科室 " + d).orElse("")
                + u.region().map(x -> "，地区 " + Regions.standard().nameAndCode(x)).orElse("");
    }

    private static void require(boolean found, String name) {
        if (!found) {
            throw HqdException.withHint("没有用户 " + name, "（hqd user list 列出用户）");
        }
    }

    private static void checkHash(String hash) {
        if (hash == null || !PasswordHasher.wellFormed(hash, MIN_ITERATIONS)) {
            throw new HqdException("密码散列的格式不对（应为 pbkdf2-sha256，至少 " + MIN_ITERATIONS + " 次迭代）");
        }
    }
}
