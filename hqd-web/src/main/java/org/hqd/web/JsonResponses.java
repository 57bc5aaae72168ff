package org.hqd.web;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.hqd.access.Scope;
import org.hqd.app.ResultCache;

/**
 * JSON answers kept as the bytes sent, by the user's scope and the request's path and query: a page's second and
 * later viewers cost neither the answer's filtering nor its serialization (the province's evaluation is megabytes of
 * JSON). Only for answers that are a function of the scope, the path and the query while the server runs, with the
 * same forgetting ({@link #clear()}) as the results they are made of. An answer that fails (a bad parameter, a
 * hospital out of scope) is not kept: the next request checks again.
 */
final class JsonResponses {
    private final ResultCache bytes;

    JsonResponses(int capacity) {
        bytes = new ResultCache(capacity);
    }

    /** Sends the request's answer, computed by {@code body} (checks included) the first time it is asked for. */
    void send(Context ctx, Supplier<?> body) {
        send(ctx, "", body);
    }

    /**
     * Sends the request's answer, kept also under {@code version}: what else the answer depends on (a version of the
     * data that changes with it, the day); an answer of another version is not sent and ages out.
     */
    void send(Context ctx, String version, Supplier<?> body) {
        byte[] b = bytes.get(entry(version, ctx), () -> json(ctx, body.get()));
        ctx.contentType(ContentType.APPLICATION_JSON).result(b);
    }

    private static String entry(String version, Context ctx) {
        return version + "|" + key(ctx);
    }

    private static byte[] json(Context ctx, Object o) {
        return ctx.jsonMapper().toJsonString(o, o.getClass()).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request's answer if it is kept; whether it was (a costly request's guard is then not needed). */
    boolean sendKept(Context ctx) {
        java.util.Optional<byte[]> b = bytes.kept(entry("", ctx));
        b.ifPresent(x -> ctx.contentType(ContentType.APPLICATION_JSON).result(x));
        return b.isPresent();
    }

    /** What an answer depends on: the user's scope (role, hospital, department, region), the path and the query. */
    static String key(Context ctx) {
        Scope s = Access.scope(ctx);
        return s.user().role() + "|" + s.user().hospital().orElse("") + "|" + s.user().department().orElse("") + "|"
                + s.user().region().orElse("") + "|" + ctx.path() + "?" + ctx.queryString();
    }

    /** Forgets every answer (what they were made of changed). */
    void clear() {
        bytes.clear();
    }
}
