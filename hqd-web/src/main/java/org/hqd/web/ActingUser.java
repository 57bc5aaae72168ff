package org.hqd.web;

import io.javalin.http.Context;
import org.hqd.app.Actor;

/**
 * The actor of an API request, as the application's services take it: the session's user, from the client's
 * address.
 */
final class ActingUser {
    private ActingUser() {
    }

    static Actor of(Context ctx) {
        return Actor.web(Access.scope(ctx).user().name(), ctx.ip());
    }
}
