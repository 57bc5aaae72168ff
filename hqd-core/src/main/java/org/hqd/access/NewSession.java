package org.hqd.access;


/** A new session: the token for the cookie and the session. */
public record NewSession(String token, Session session) { }
