package org.hqd.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.access.Account;
import org.hqd.access.Role;
import org.hqd.access.User;
import org.hqd.app.Actor;
import org.hqd.app.Channel;
import org.hqd.app.access.UserAdministration;

/**
 * How {@code hqd user …} changes users while {@code hqd serve} holds the data directory. The database admits one
 * writing process, and the server is it; so the server, when it starts, writes {@value #FILE} into the data
 * directory (readable by its owner only) with its address and a random token, and the command line, finding the
 * file, sends the change to {@code POST /api/admin/users} with that token. The server applies it with the same
 * {@link UserAdministration} the command line uses otherwise, ending the user's sessions in its own memory and
 * database at once. Only someone who can read the data directory (who could as well read the database) can use
 * the channel; requests must also come from this machine. A file left by a killed server is recognised by the
 * refused connection, and the command line then opens the directory itself.
 */
public final class AdminChannel implements AutoCloseable {
    static final String FILE = "serve.json";
    static final String PATH = "/api/admin/";
    private static final String USERS = PATH + "users";
    /** Who changes users through the channel: the command line of this machine, by way of the server. */
    private static final Actor ACTOR = new Actor(Channel.CLI.label(), Channel.CLI, "命令行（经运行中的 hqd serve）");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The control file: where the server listens and its token. */
    record Endpoint(String url, String token, long pid) { }

    /** A change as sent over the channel. */
    record UserChange(String action, String name, String role, String hospital, String department, String region,
                      String passwordHash) {
        static UserChange of(UserAdministration.Change c) {
            if (c instanceof UserAdministration.Add a) {
                User u = a.user();
                return new UserChange("add", u.name(), u.role().name(), u.hospital().orElse(null),
                        u.department().orElse(null), u.region().orElse(null), a.passwordHash());
            }
            String action = c instanceof UserAdministration.Passwd ? "passwd" : c instanceof UserAdministration.Disable
                    ? "disable" : c instanceof UserAdministration.Enable ? "enable" : "delete";
            String hash = c instanceof UserAdministration.Passwd p ? p.passwordHash() : null;
            return new UserChange(action, c.name(), null, null, null, null, hash);
        }

        UserAdministration.Change change() {
            if (name == null) {
                throw new HqdException("缺少用户名");
            }
            return switch (String.valueOf(action)) {
                case "add" -> new UserAdministration.Add(new User(name, Role.of(String.valueOf(role)).orElseThrow(() ->
                        new HqdException("未知角色 '" + Params.clip(String.valueOf(role)) + "'")), Optional.ofNullable(hospital),
                        Optional.ofNullable(department), Optional.ofNullable(region)), passwordHash);
                case "passwd" -> new UserAdministration.Passwd(name, passwordHash);
                case "disable" -> new UserAdministration.Disable(name);
                case "enable" -> new UserAdministration.Enable(name);
                case "delete" -> new UserAdministration.Delete(name);
                default -> throw new HqdException("未知操作 '" + Params.clip(String.valueOf(action)) + "'");
            };
        }
    }

    /** A user as listed over the channel. */
    public record Listed(String name, String role, String hospital, String department, String region,
                         boolean disabled) {
        public static Listed of(Account a) {
            User u = a.user();
            return new Listed(u.name(), u.role().name(), u.hospital().orElse(null), u.department().orElse(null),
                    u.region().orElse(null), a.disabled());
        }
    }

    private final Path file;
    private final byte[] token;
    private final UserAdministration users;

    private AdminChannel(Path file, byte[] token, UserAdministration users) {
        this.file = file;
        this.token = token;
        this.users = users;
    }

    /** The channel of a server on {@code dataDir}, with a fresh token; {@link #publish} makes it known. */
    static AdminChannel create(Path dataDir, UserAdministration users) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new AdminChannel(dataDir.resolve(FILE), token.getBytes(StandardCharsets.US_ASCII), users);
    }

    /** Writes the control file (owner-only) naming the server's address {@code url} and the token. */
    void publish(String url) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".serve", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions protect the token
            }
            Files.writeString(tmp, JSON.writeValueAsString(new Endpoint(url, new String(token, StandardCharsets.US_ASCII),
                    ProcessHandle.current().pid())), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET|POST /api/admin/users}: the users, or a change of them, for the command line of this machine. */
    void users(Context ctx) {
        Params.only(ctx);
        if (!local(ctx.req().getRemoteAddr())) {
            throw new ForbiddenResponse("只接受本机的命令行请求");
        }
        String auth = String.valueOf(ctx.header("Authorization"));
        if (!auth.startsWith("Bearer ") || !MessageDigest.isEqual(token,
                auth.substring(7).strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new UnauthorizedResponse("命令行令牌无效");
        }
        if (ctx.method() == HandlerType.GET) {
            ctx.json(users.list().stream().map(Listed::of).toList());
            return;
        }
        UserAdministration.Change change = Params.body(ctx, UserChange.class).change();
        ctx.json(users.apply(ACTOR, change));
    }

    private static boolean local(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the control file (if it is still this server's). */
    @Override
    public void close() {
        try {
            if (Files.exists(file) && read(file).map(e -> MessageDigest.isEqual(token,
                    e.token().getBytes(StandardCharsets.US_ASCII))).orElse(false)) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ client side

    /**
     * Applies a change through the server running on {@code dataDir}; empty when no server runs there (no control
     * file, or one left by a server that is gone). A refusal of the server is an {@link HqdException} with its message.
     */
    public static Optional<UserAdministration.Outcome> send(Path dataDir, UserAdministration.Change change) {
        return call(dataDir, "POST", UserChange.of(change)).map(body -> parse(body, UserAdministration.Outcome.class));
    }

    /** The users, as the server running on {@code dataDir} lists them; empty when none runs there. */
    public static Optional<List<Listed>> list(Path dataDir) {
        return call(dataDir, "GET", null).map(body -> List.of(parse(body, Listed[].class)));
    }

    private static Optional<String> call(Path dataDir, String method, Object body) {
        Optional<Endpoint> endpoint = read(dataDir.resolve(FILE));
        // a file left by a server that was killed: its process is gone (its port may serve something else by now)
        if (endpoint.isEmpty() || !ProcessHandle.of(endpoint.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.empty();
        }
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint.get().url() + USERS))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + endpoint.get().token());
            b = body == null ? b.GET() : b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new HqdException("运行中的 hqd serve 拒绝了这个修改：" + parse(r.body(), ApiError.class).error());
            }
            return Optional.of(r.body());
        } catch (ConnectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new HqdException("无法连接运行中的 hqd serve（" + endpoint.get().url() + "）：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HqdException("等待 hqd serve 的答复时被中断", e);
        }
    }

    private static Optional<Endpoint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Endpoint.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static <T> T parse(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new HqdException("hqd serve 的答复无法解读：" + Params.clip(body), e);
        }
    }
}
