package org.hqd.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hqd.access.AuditEntry;
import org.hqd.access.Scope;
import org.hqd.access.Session;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.access.AccessService;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.hospital.Hospital;

/**
 * Authentication and scoping of API requests: the session cookie names a live session; its user's {@link Scope}
 * is attached to the request; a state-changing request must carry the session's CSRF token in
 * {@code X-CSRF-Token}.
 */
final class Access {
    static final String COOKIE = "hqd_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SCOPE = "hqd.scope";
    private static final String SESSION = "hqd.session";
    private static final String ACCESS = "hqd.access";

    private final AccessService service;
    private final EvaluationService hospitals;
    private final ClientAddress clients;
    /** The ids of the register's hospitals, read when first needed and again when an id is not among them. */
    private volatile Set<String> known = Set.of();
    /** A region's hospital ids, by region (the register cannot change under a running server). */
    private final java.util.Map<String, Set<String>> regions = new java.util.concurrent.ConcurrentHashMap<>();

    Access(AccessService service, EvaluationService hospitals, ClientAddress clients) {
        this.service = service;
        this.hospitals = hospitals;
        this.clients = clients;
    }

    ClientAddress clients() {
        return clients;
    }

    /**
     * Before every API request but login and the command line's channel (which has its own token): 401 without a
     * live session of an enabled account, 403 without the CSRF token.
     */
    void authenticate(Context ctx) {
        if (ctx.path().equals("/api/session") && ctx.method() == HandlerType.POST
                || ctx.path().startsWith(AdminChannel.PATH)) {
            return;
        }
        String token = ctx.cookie(COOKIE);
        if (token == null || token.isBlank()) {
            throw new UnauthorizedResponse("未登录或会话已过期，请重新登录");
        }
        Session session = service.session(token).orElseThrow(() -> new UnauthorizedResponse("未登录或会话已过期，请重新登录"));
        User user = service.user(session.userName()).orElseThrow(() -> new UnauthorizedResponse("账户已停用或已删除，请联系管理员"));
        boolean changes = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT
                || ctx.method() == HandlerType.DELETE || ctx.method() == HandlerType.PATCH;
        if (changes && !session.csrfToken().equals(ctx.header(CSRF_HEADER))) {
            throw new ForbiddenResponse("缺少或错误的 CSRF 令牌（请求头 " + CSRF_HEADER + "）");
        }
        ctx.attribute(SESSION, session);
        ctx.attribute(ACCESS, this);
        ctx.attribute(SCOPE, scopeOf(user));
    }

    Scope scopeOf(User user) {
        Optional<Set<String>> region = user.region().map(r -> regions.computeIfAbsent(r, x -> hospitals.hospitals(
                Optional.of(x)).stream().map(Hospital::id).collect(Collectors.toUnmodifiableSet())));
        return Scope.of(user, region);
    }

    static Scope scope(Context ctx) {
        return ctx.attribute(SCOPE);
    }

    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** Whether the register holds the hospital (read again when it is not among those read before). */
    boolean exists(String hospitalId) {
        if (known.contains(hospitalId)) {
            return true;
        }
        known = hospitals.hospitals(Optional.empty()).stream().map(Hospital::id)
                .collect(Collectors.toUnmodifiableSet());
        return known.contains(hospitalId);
    }

    /** 404 for a hospital the register does not hold, 403 unless the user may see the hospital. */
    static void requireHospital(Context ctx, String hospitalId) {
        Access access = ctx.attribute(ACCESS);
        if (access != null && !access.exists(hospitalId)) {
            throw new NotFoundResponse("没有医院 " + Params.clip(hospitalId) + "：请从医院列表中选择");
        }
        if (!scope(ctx).allowsHospital(hospitalId)) {
            throw new ForbiddenResponse("无权查看医院 " + Params.clip(hospitalId) + " 的数据");
        }
    }

    /** 403 for a department user (its data is its department's, not the hospital's). */
    static void requireWholeHospital(Context ctx) {
        if (scope(ctx).department().isPresent()) {
            throw new ForbiddenResponse("科室用户只能查看本科室的数据");
        }
    }

    static void requireAdmin(Context ctx) {
        if (!scope(ctx).admin()) {
            throw new ForbiddenResponse("只有系统管理员可以查看");
        }
    }

    /** Writes an audit entry of a request by {@code user} (the account, or the name a failed login gave). */
    void audit(Context ctx, String user, String action, String detail) {
        service.audit(Actor.web(user, clients.of(ctx)), action, detail);
    }

    /** Writes an audit entry of the logged-in user's request. */
    void audit(Context ctx, String action, String detail) {
        audit(ctx, scope(ctx).user().name(), action, detail);
    }

    /** The latest entries of the audit log. */
    List<AuditEntry> auditLog(int limit) {
        return service.auditLog(limit);
    }
}
