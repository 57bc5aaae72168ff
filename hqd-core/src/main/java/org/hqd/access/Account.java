package org.hqd.access;


/** A user and whether the account is disabled. */
public record Account(User user, boolean disabled) { }
