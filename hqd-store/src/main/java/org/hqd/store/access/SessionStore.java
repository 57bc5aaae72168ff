package org.hqd.store.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.hqd.access.NewSession;
import org.hqd.access.Session;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/**
 * Login sessions: a random token (given to the browser in an HttpOnly cookie; only its SHA-256 is stored) and a
 * CSRF token per session, expiring after {@link #LIFETIME}.
 */
public final class SessionStore {
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final DataDirectory dir;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(DataDirectory dir) {
        this.dir = dir;
    }

    public NewSession create(String userName, Instant now) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(LIFETIME);
        Query.of("创建会话", "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)").bind(sha256(token), userName, csrf,
                Timestamp.from(now), Timestamp.from(expires)).update(dir.connection());
        return new NewSession(token, new Session(userName, csrf, expires));
    }

    /** The live session of a token at {@code now}. */
    public Optional<Session> find(String token, Instant now) {
        return Query.of("读取会话", "SELECT user_name, csrf_token, expires_at FROM sessions WHERE token_hash = ? "
                + "AND expires_at > ?").bind(sha256(token), Timestamp.from(now)).first(dir.connection(), r ->
                new Session(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()));
    }

    public void delete(String token) {
        Query.of("删除会话", "DELETE FROM sessions WHERE token_hash = ?").bind(sha256(token)).update(dir.connection());
    }

    /** Ends every session of a user (its password changed, it was disabled or deleted); how many there were. */
    public int revokeAll(String userName) {
        return Query.of("结束用户的会话", "DELETE FROM sessions WHERE user_name = ?").bind(userName)
                .update(dir.connection());
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
