package org.hqd.access;

/** The outcome of checking a password; a disabled account is told apart only when the password is right. */
public enum LoginResult { OK, WRONG, DISABLED }
