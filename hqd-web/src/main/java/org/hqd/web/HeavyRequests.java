package org.hqd.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many requests of a costly kind run at once, so that a burst of them is answered "busy, try again"
 * instead of exhausting memory or the processors: a semaphore per kind for the whole server (a request that cannot
 * get a permit within {@link #WAIT_SECONDS} is a 503), and one request of a kind at a time per user (a second one
 * while the first runs is a 429). Both answers carry {@code Retry-After}. The permit is taken before the request
 * body is read, so waiting requests hold no memory; a refused request's body is read and discarded before the answer,
 * so that the client, still sending it, receives the answer instead of a connection reset.
 */
final class HeavyRequests {
    /** The kinds of costly requests and how many of each may run at once. */
    enum Kind {
        /** Excel exports of a page's table. */
        EXPORT(2, "导出"),
        /** Briefings and reports rendered as PDF or Excel. */
        REPORT(2, "报告生成"),
        /** Documents read from the request: plan extraction and commit, budget imports. */
        DOCUMENT(2, "文件导入"),
        /** Compliance screening, which reads every case of the period into memory when not cached. */
        SCREENING(2, "医保审核"),
        /** Password checks (a slow hash each). */
        LOGIN(Math.max(2, Runtime.getRuntime().availableProcessors()), "登录");

        final int permits;
        final String label;

        Kind(int permits, String label) {
            this.permits = permits;
            this.label = label;
        }
    }

    static final int WAIT_SECONDS = 2;
    static final int RETRY_AFTER_SECONDS = 5;

    private final Map<Kind, Semaphore> permits = new EnumMap<>(Kind.class);
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    HeavyRequests() {
        for (Kind k : Kind.values()) {
            permits.put(k, new Semaphore(k.permits, true));
        }
    }

    /** The handler, run only with a permit of its kind (and, for a logged-in user, with none of the user's running). */
    Handler guard(Kind kind, Handler handler) {
        return ctx -> {
            String user = kind == Kind.LOGIN || Access.scope(ctx) == null ? null : kind + "\n" + Access.scope(ctx).user().name();
            if (user != null && !running.add(user)) {
                throw busy(ctx, 429, "您的上一个" + kind.label + "请求尚未完成，请稍后再试");
            }
            try {
                Semaphore s = permits.get(kind);
                if (!s.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw busy(ctx, 503, "服务器正忙（同时进行的" + kind.label + "请求已达上限），请 " + RETRY_AFTER_SECONDS
                            + " 秒后重试");
                }
                try {
                    handler.handle(ctx);
                } finally {
                    s.release();
                }
            } finally {
                if (user != null) {
                    running.remove(user);
                }
            }
        };
    }

    /** The refusal; the exception handler of the server drains the body the handler did not read ({@link UnreadBody}). */
    private static HttpResponseException busy(Context ctx, int status, String message) {
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return new HttpResponseException(status, message);
    }

    /** The semaphore of a kind, for a test that holds every permit to see the 503. */
    Semaphore permits(Kind kind) {
        return permits.get(kind);
    }
}
