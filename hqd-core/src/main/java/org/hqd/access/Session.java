package org.hqd.access;

import java.time.Instant;

/** A live session. */
public record Session(String userName, String csrfToken, Instant expiresAt) { }
