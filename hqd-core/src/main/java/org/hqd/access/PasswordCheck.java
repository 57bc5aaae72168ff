package org.hqd.access;

import java.util.Optional;

/**
 * How a login's password is checked against the stored hash of its account, if there is one. The standard check
 * is {@link PasswordHasher#verify}; a test passes one that counts how often the slow work is done.
 */
@FunctionalInterface
public interface PasswordCheck {
    /** Whether the password matches; with no stored hash, the same slow work and the answer no. */
    boolean matches(char[] password, Optional<String> storedHash);

    PasswordCheck STANDARD = PasswordHasher::verify;
}
