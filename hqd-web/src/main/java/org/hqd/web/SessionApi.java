package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;
import org.hqd.access.User;
import org.hqd.store.access.SessionStore;
import org.hqd.store.access.UserStore;

/** {@code POST/GET/DELETE /api/session}: login, who am I, logout. */
final class SessionApi {
    /** The login request. */
    record Login(String name, String password) { }

    /** The logged-in user, with the CSRF token state-changing requests must send. */
    record Me(String name, String role, String roleLabel, String hospital, String department, String region,
              String csrf) {
        static Me of(User u, String csrf) {
            return new Me(u.name(), u.role().name(), u.role().label(), u.hospital().orElse(null),
                    u.department().orElse(null), u.region().orElse(null), csrf);
        }
    }

    private final Connections db;
    private final Access access;
    private final Clock clock;
    /** Logins are checked one at a time, so parallel attempts cannot get past the lock-out. */
    private final Object loginLock = new Object();

    SessionApi(Connections db, Access access, Clock clock) {
        this.db = db;
        this.access = access;
        this.clock = clock;
    }

    void login(Context ctx) {
        Params.only(ctx);
        Login in = Params.body(ctx, Login.class);
        if (in.name() == null || in.password() == null || in.name().length() > 64
                || in.password().length() > 256) {
            throw new BadRequestResponse("请求体应为 {\"name\": 用户名, \"password\": 密码}");
        }
        UserStore.Login result;
        synchronized (loginLock) {
            result = db.with(d -> new UserStore(d).login(in.name(), in.password().toCharArray(), clock.instant()));
        }
        if (result != UserStore.Login.OK) {
            access.audit(ctx, Optional.of(in.name()), "登录失败", result == UserStore.Login.LOCKED ? "账户已锁定" : "用户名或密码错误");
            ctx.status(result == UserStore.Login.LOCKED ? HttpStatus.LOCKED : HttpStatus.UNAUTHORIZED)
                    .json(new ApiError(result == UserStore.Login.LOCKED ? 423 : 401, result == UserStore.Login.LOCKED
                            ? "连续登录失败次数过多，账户已锁定 " + UserStore.LOCK_TIME.toMinutes() + " 分钟"
                            : "用户名或密码错误"));
            return;
        }
        User user = db.with(d -> new UserStore(d).find(in.name())).orElseThrow();
        SessionStore.Created s = db.with(d -> new SessionStore(d).create(user.name(), clock.instant()));
        ctx.header("Set-Cookie", Access.COOKIE + "=" + s.token() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + SessionStore.LIFETIME.toSeconds());
        access.audit(ctx, Optional.of(user.name()), "登录", user.role().label());
        ctx.json(Me.of(user, s.session().csrfToken()));
    }

    void me(Context ctx) {
        Params.only(ctx);
        ctx.json(Me.of(Access.scope(ctx).user(), Access.session(ctx).csrfToken()));
    }

    void logout(Context ctx) {
        Params.only(ctx);
        String token = ctx.cookie(Access.COOKIE);
        db.with(d -> {
            new SessionStore(d).delete(token);
            return null;
        });
        access.audit(ctx, "退出登录", "");
        ctx.header("Set-Cookie", Access.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
