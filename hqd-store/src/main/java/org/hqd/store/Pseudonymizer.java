package org.hqd.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Replaces a patient id by a keyed hash (HMAC-SHA-256 of RFC 2104, first 64 bits as 16 hex digits): the same
 * patient gets the same pseudonym within a data directory, so readmissions stay countable, but the id cannot be
 * recovered without the directory's key. The two keyed digest states (key ⊕ ipad, key ⊕ opad) are computed once
 * and copied per id, which halves the hashing of a short id compared to a {@code javax.crypto.Mac}. Not
 * thread-safe: one per thread ({@link #copy()}).
 */
public final class Pseudonymizer {
    private static final int BLOCK = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;
    private final MessageDigest inner;
    private final MessageDigest outer;

    public Pseudonymizer(byte[] key) {
        this.key = key.clone();
        byte[] k = Arrays.copyOf(this.key.length > BLOCK ? sha256().digest(this.key) : this.key, BLOCK);
        this.inner = sha256();
        this.outer = sha256();
        for (int i = 0; i < BLOCK; i++) {
            inner.update((byte) (k[i] ^ 0x36));
            outer.update((byte) (k[i] ^ 0x5c));
        }
    }

    /** The pseudonym of a patient id; the empty string stays empty. */
    public String pseudonym(String patientId) {
        if (patientId.isEmpty()) {
            return "";
        }
        MessageDigest in = copy(inner);
        byte[] h = in.digest(patientId.getBytes(StandardCharsets.UTF_8));
        MessageDigest out = copy(outer);
        h = out.digest(h);
        char[] hex = new char[16];
        for (int i = 0; i < 8; i++) {
            hex[2 * i] = HEX[(h[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[h[i] & 0xf];
        }
        return new String(hex);
    }

    /** A new instance with the same key, for another thread. */
    public Pseudonymizer copy() {
        return new Pseudonymizer(key);
    }

    private static MessageDigest copy(MessageDigest keyed) {
        try {
            return (MessageDigest) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be copied", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
