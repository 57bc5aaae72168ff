package org.hqd.access;

import java.time.Instant;
import java.util.Optional;

/** One entry of the audit log: when, the account (none for the command line), the action, what, from where. */
public record AuditEntry(Instant at, Optional<String> user, String action, String detail, String client) { }
