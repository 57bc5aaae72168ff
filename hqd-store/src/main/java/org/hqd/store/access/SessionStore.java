package org.hqd.store.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * Login sessions: a random token (given to the browser in an HttpOnly cookie; only its SHA-256 is stored) and a
 * CSRF token per session, expiring after {@link #LIFETIME}.
 */
public final class SessionStore {
    public static final Duration LIFETIME = Duration.ofHours(8);

    /** A live session. */
    public record Session(String userName, String csrfToken, Instant expiresAt) { }

    /** A new session: the token for the cookie and the session. */
    public record Created(String token, Session session) { }

    private final DataDirectory dir;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(DataDirectory dir) {
        this.dir = dir;
    }

    public Created create(String userName, Instant now) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(LIFETIME);
        try (PreparedStatement s = dir.connection().prepareStatement("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, sha256(token));
            s.setString(2, userName);
            s.setString(3, csrf);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(expires));
            s.executeUpdate();
            return new Created(token, new Session(userName, csrf, expires));
        } catch (SQLException e) {
            throw new StoreException("创建会话", e);
        }
    }

    /** The live session of a token at {@code now}. */
    public Optional<Session> find(String token, Instant now) {
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT user_name, csrf_token, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?")) {
            s.setString(1, sha256(token));
            s.setTimestamp(2, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Session(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("读取会话", e);
        }
    }

    public void delete(String token) {
        try (PreparedStatement s = dir.connection().prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
            s.setString(1, sha256(token));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("删除会话", e);
        }
    }

    /** Ends every session of a user (its password changed, it was disabled or deleted); how many there were. */
    public int revokeAll(String userName) {
        try (PreparedStatement s = dir.connection().prepareStatement("DELETE FROM sessions WHERE user_name = ?")) {
            s.setString(1, userName);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("结束用户的会话", e);
        }
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
