package org.hqd.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * What is left of a request's body when the server answers without reading it (a refusal: busy, too large). The
 * server would otherwise close a connection holding unread bytes; the kernel then resets it, and a client still
 * writing its body loses the answer. So the rest is read into a small buffer and dropped, up to a bound (beyond it
 * the connection is closed after the answer, as servers commonly do with what they swallow).
 */
final class UnreadBody {
    /** The most a refused request's body is read for: twice the largest body accepted. */
    static final long SWALLOW = 2 * ExportApi.MAX_BODY;

    private UnreadBody() {
    }

    /**
     * Whether a refusal of this status is given before the handler reads the body: too large (413), busy (429 from
     * {@link HeavyRequests} for a user's second request, 503 when every permit is taken). The server's handler of
     * refusals drains the body for these, wherever they were thrown.
     */
    static boolean refusedUnread(int status) {
        return status == 413 || status == 429 || status == 503;
    }

    /** Reads and drops the rest of the body, up to {@link #SWALLOW} bytes; past that, asks to close the connection. */
    static void discard(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > SWALLOW) {
            ctx.header("Connection", "close");
            return;
        }
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; read <= SWALLOW && (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            ctx.header("Connection", "close");
            return;
        }
        if (read > SWALLOW) {
            ctx.header("Connection", "close");
        }
    }
}
