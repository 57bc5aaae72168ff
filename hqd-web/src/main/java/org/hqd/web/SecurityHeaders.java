package org.hqd.web;

import io.javalin.http.Context;

/**
 * The headers every response carries, pages and API alike.
 *
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts only from this server's own files, no inline script, no
 * {@code eval}, so that a value slipping past the pages' escaping still cannot run; no frames, plugins or foreign
 * connections. Inline styles stay allowed: ECharts writes its tooltips with {@code style} attributes, and a style
 * cannot run code.</li>
 * <li>{@code X-Frame-Options: DENY} and {@code frame-ancestors 'none'}: no page can be framed (clickjacking).</li>
 * <li>{@code X-Content-Type-Options: nosniff}: a download is never taken for a script or a page.</li>
 * <li>{@code Referrer-Policy: no-referrer}: page addresses (with their filters) are not sent elsewhere.</li>
 * <li>{@code Cache-Control: no-store} on the API and the pages: patient-level and hospital data are not kept in
 * the browser's or a proxy's cache. Scripts, styles and ECharts may be cached but are revalidated.</li>
 * <li>{@code Strict-Transport-Security} when the request came over TLS.</li>
 * </ul>
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final ClientAddress clients;

    /** Whether responses of a path must not be stored: the API and the pages (scripts and styles may be). */
    static boolean noStore(String path) {
        return path.startsWith("/api/") || path.equals("/") || path.endsWith(".html") || path.equals("/openapi.json");
    }

    SecurityHeaders(ClientAddress clients) {
        this.clients = clients;
    }

    /** Before every request. */
    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cache-Control", noStore(ctx.path()) ? "no-store" : "no-cache");
        if (clients.secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
