package org.hqd.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.hqd.HqdException;

/**
 * Slow salted password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64), compared in constant time.
 */
public final class PasswordHasher {
    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int MIN_LENGTH = 10;

    private final int iterations;
    private final SecureRandom random;

    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("too few iterations: " + iterations);
        }
        this.iterations = iterations;
        this.random = random;
    }

    public static PasswordHasher standard() {
        return new PasswordHasher(DEFAULT_ITERATIONS, new SecureRandom());
    }

    /** The stored form of a password; a password shorter than 10 characters is refused. */
    public String hash(char[] password) {
        if (password.length < MIN_LENGTH) {
            throw new HqdException("密码至少 " + MIN_LENGTH + " 个字符");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * What a password is checked against when there is no account of the name (or it may not log in): a hash of
     * the standard cost, so that the answer takes as long as for an account and does not tell which names exist.
     */
    static final String STAND_IN = "pbkdf2-sha256$" + DEFAULT_ITERATIONS + "$AAAAAAAAAAAAAAAAAAAAAA==$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    /**
     * Whether the password matches the stored hash; with no stored hash the same work is done against
     * {@link #STAND_IN} and the answer is no.
     */
    public static boolean verify(char[] password, java.util.Optional<String> stored) {
        boolean match = matches(password, stored.orElse(STAND_IN));
        return stored.isPresent() && match;
    }

    /** Whether a text is a stored hash of this form with at least {@code minIterations} iterations. */
    public static boolean wellFormed(String stored, int minIterations) {
        String[] p = stored.split("\\$", -1);
        if (p.length != 4 || !p[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            Base64.Decoder b64 = Base64.getDecoder();
            return Integer.parseInt(p[1]) >= minIterations && b64.decode(p[2]).length >= 16 && b64.decode(p[3]).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether the password matches a stored hash (any iteration count it was made with). */
    public static boolean matches(char[] password, String stored) {
        String[] p = stored.split("\\$");
        if (p.length != 4 || !p[0].equals("pbkdf2-sha256")) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(p[3]);
        return MessageDigest.isEqual(expected, derive(password, b64.decode(p[2]), Integer.parseInt(p[1])));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
