package org.hqd.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a patient id by a keyed hash (HMAC-SHA-256, first 64 bits as 16 hex digits): the same patient gets
 * the same pseudonym within a data directory, so readmissions stay countable, but the id cannot be recovered
 * without the directory's key. Not thread-safe: one per thread ({@link #copy()}).
 */
public final class Pseudonymizer {
    private final byte[] key;
    private final Mac mac;

    public Pseudonymizer(byte[] key) {
        this.key = key.clone();
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The pseudonym of a patient id; the empty string stays empty. */
    public String pseudonym(String patientId) {
        if (patientId.isEmpty()) {
            return "";
        }
        byte[] h = mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, 8);
    }

    /** A new instance with the same key, for another thread. */
    public Pseudonymizer copy() {
        return new Pseudonymizer(key);
    }
}
