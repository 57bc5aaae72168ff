package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.hqd.access.LoginResult;
import org.hqd.access.LoginThrottle;
import org.hqd.access.NewSession;
import org.hqd.access.User;
import org.hqd.app.access.AccessService;

/** {@code POST/GET/DELETE /api/session}: login, who am I, logout. */
final class SessionApi {
    /** The login request. */
    record Login(String name, String password) { }

    /** The logged-in user, with the CSRF token state-changing requests must send. */
    record Me(String name, String role, String roleLabel, String hospital, String department, String region,
              String regionName, String csrf) {
        static Me of(User u, String csrf) {
            return new Me(u.name(), u.role().name(), u.role().label(), u.hospital().orElse(null),
                    u.department().orElse(null), u.region().orElse(null),
                    u.region().map(org.hqd.hospital.Regions.standard()::label).orElse(null), csrf);
        }
    }

    private final AccessService service;
    private final Access access;
    private final Clock clock;
    private final LoginThrottle throttle;

    SessionApi(AccessService service, Access access, Clock clock, LoginThrottle throttle) {
        this.service = service;
        this.access = access;
        this.clock = clock;
        this.throttle = throttle;
    }

    /**
     * {@code POST /api/session}. The answer to a wrong password is the same for a name that exists and one that does
     * not (same status, message and slow hash); after repeated failures from one address the next attempt must wait
     * ({@link LoginThrottle}: 429 with {@code Retry-After}), without locking the account for anyone else.
     */
    void login(Context ctx) {
        Params.only(ctx);
        Login in = Params.body(ctx, Login.class);
        if (in.name() == null || in.password() == null || in.name().length() > 64
                || in.password().length() > 256) {
            throw new BadRequestResponse("请求体应为 {\"name\": 用户名, \"password\": 密码}");
        }
        String source = ClientAddress.throttleKey(access.clients().of(ctx));
        Optional<Duration> wait = throttle.begin(source, in.name(), clock.instant());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            ctx.header("Retry-After", String.valueOf(seconds));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).json(new ApiError(429, "登录失败次数过多，请 "
                    + (seconds > 90 ? (seconds + 59) / 60 + " 分钟" : seconds + " 秒") + "后再试"));
            return;
        }
        LoginResult result = LoginResult.WRONG;
        try {
            result = service.login(in.name(), in.password().toCharArray());
        } finally {
            throttle.finish(source, in.name(), result == LoginResult.OK, clock.instant());
        }
        if (result != LoginResult.OK) {
            boolean disabled = result == LoginResult.DISABLED;
            access.audit(ctx, in.name(), "登录失败", disabled ? "账户已停用" : "用户名或密码错误");
            ctx.status(disabled ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED).json(disabled
                    ? new ApiError(403, "账户已停用，请联系管理员") : new ApiError(401, "用户名或密码错误"));
            return;
        }
        User user = service.user(in.name()).orElseThrow();
        NewSession s = service.startSession(user.name());
        ctx.header("Set-Cookie", cookie(ctx, s.token(), AccessService.SESSION_LIFETIME.toSeconds()));
        access.audit(ctx, user.name(), "登录", user.role().label());
        ctx.json(Me.of(user, s.session().csrfToken()));
    }

    /** The session cookie: HttpOnly, SameSite=Strict, and Secure when the browser talks TLS to us. */
    private String cookie(Context ctx, String value, long maxAge) {
        return Access.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
                + (access.clients().secure(ctx) ? "; Secure" : "") + "; Max-Age=" + maxAge;
    }

    void me(Context ctx) {
        Params.only(ctx);
        ctx.json(Me.of(Access.scope(ctx).user(), Access.session(ctx).csrfToken()));
    }

    void logout(Context ctx) {
        Params.only(ctx);
        String token = ctx.cookie(Access.COOKIE);
        service.endSession(token);
        access.audit(ctx, "退出登录", "");
        ctx.header("Set-Cookie", cookie(ctx, "", 0));
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
