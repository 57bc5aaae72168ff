package org.hqd.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hqd.HqdException;

/**
 * A data directory ({@code --data DIR}, default {@code ./hqd-data}): the DuckDB database {@code hqd.duckdb}, the
 * pseudonymisation key (created once, readable by the owner only), rejected-row files and scratch space (both
 * folders, and the directory when HQD creates it, readable by the owner only). Opening one read-write applies
 * pending schema migrations. Opening one removes the scratch work that processes killed during an import left
 * ({@link #scratch}). One instance owns one JDBC connection; not thread-safe.
 */
public final class DataDirectory implements AutoCloseable {
    /** The default location, relative to the working directory. */
    public static final String DEFAULT = "hqd-data";
    private static final String DATABASE = "hqd.duckdb";
    private static final String KEY_FILE = "pseudonym.key";
    /** The setting that says the directory holds generated data ({@link #synthetic()}). */
    public static final String SYNTHETIC_SETTING = "synthetic_data";
    private static final String SCRATCH = "tmp";
    /** The process DuckDB names in its lock message: "… (PID 1234)". */
    private static final Pattern LOCK_HOLDER = Pattern.compile("\\(PID (\\d+)\\)");

    private final Path dir;
    private final Connection connection;
    private final boolean readOnly;

    private DataDirectory(Path dir, Connection connection, boolean readOnly) {
        this.dir = dir;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** Opens (and creates when missing) a data directory for reading and writing. */
    public static DataDirectory openForWriting(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                OwnerOnly.restrict(dir);
            }
        } catch (IOException e) {
            throw new HqdException("无法创建数据目录 " + dir + "：" + e.getMessage(), e);
        }
        DataDirectory d = new DataDirectory(dir, connect(dir, false), false);
        new Migrations(d.connection).apply();
        OwnerOnly.removeStaleScratch(d.folder(SCRATCH));
        return d;
    }

    /** Opens an existing data directory read-only (e.g. for {@code hqd sql}); other readers may share it. */
    public static DataDirectory openForReading(Path dir) {
        if (!Files.isRegularFile(dir.resolve(DATABASE))) {
            throw new HqdException("数据目录 " + dir + " 中没有数据库；先用 hqd import --data " + dir + " 导入数据");
        }
        DataDirectory d = new DataDirectory(dir, connect(dir, true), true);
        if (Files.isDirectory(dir.resolve(SCRATCH))) {
            OwnerOnly.removeStaleScratch(dir.resolve(SCRATCH));
        }
        return d;
    }

    private static Connection connect(Path dir, boolean readOnly) {
        Properties p = new Properties();
        if (readOnly) {
            p.setProperty("duckdb.read_only", "true");
        }
        p.setProperty("temp_directory", dir.resolve(SCRATCH).toString());
        // the database's own memory stays bounded (it spills to temp_directory beyond this), next to the JVM heap
        p.setProperty("memory_limit", System.getProperty("hqd.duckdb.memory", "1536MB"));
        try {
            // the driver is called directly: a shaded jar may not carry its service registration
            return new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:" + dir.resolve(DATABASE), p);
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("lock")) {
                throw new HqdException(lockedMessage(dir, m), e);
            }
            throw new HqdException("无法打开数据目录 " + dir + " 的数据库：" + StoreException.firstLine(m), e);
        }
    }


    /**
     * What a user is told when another process holds the database (the database admits one writing process): which
     * process, and what to do, instead of the database's own English message.
     */
    static String lockedMessage(Path dir, String databaseMessage) {
        Matcher pid = LOCK_HOLDER.matcher(databaseMessage);
        return "数据目录 " + dir + " 正被另一个 hqd 进程使用" + (pid.find() ? "（进程号 " + pid.group(1) + "）" : "")
                + "：同一时间只能有一个进程打开它。若是 hqd serve 正在运行，请在网页上查看和操作（用户管理可用 hqd user，"
                + "会经由运行中的服务完成），或先停止该服务再运行此命令；若是一次导入或计算，请等它结束";
    }

    public Path path() {
        return dir;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * Another connection to the same open database, for another thread (a DuckDB connection serves one thread at a
     * time); closing it leaves this one open.
     */
    public DataDirectory duplicate() {
        try {
            return new DataDirectory(dir, connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate(), readOnly);
        } catch (SQLException e) {
            throw new StoreException("打开数据库连接", e);
        }
    }

    /** A folder under the data directory (rejects, scratch), created when missing, readable by the owner only. */
    public Path folder(String name) {
        try {
            Path f = Files.createDirectories(dir.resolve(name));
            OwnerOnly.restrict(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new folder for one piece of work (an import's staging files), readable by the owner only, under the scratch
     * folder {@code tmp/}: {@code <kind>-<process id>-<random>}. The caller deletes it when done; when the process is
     * killed first, the next opening of the directory by another process removes it.
     */
    public Path scratch(String kind) {
        Path work = folder(SCRATCH).resolve(kind + "-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID());
        try {
            return OwnerOnly.createDirectory(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether this directory holds generated data: set when a register marking its hospitals as generated (the
     * generator's) is imported, and kept — imported cases are never removed.
     */
    public boolean synthetic() {
        return setting(SYNTHETIC_SETTING).map("true"::equals).orElse(false);
    }

    public Optional<String> setting(String key) {
        return Query.of("读取设置 " + key, "SELECT value FROM settings WHERE key = ?").bind(key)
                .first(connection, r -> r.getString(1));
    }

    public void putSetting(String key, String value) {
        requireWritable();
        Query.of("保存设置 " + key, "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                + "excluded.value").bind(key, value).update(connection);
    }

    /** The pseudonymiser of this directory; its key is created on first use and never changes. */
    public Pseudonymizer pseudonymizer() {
        Path file = dir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                requireWritable();
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(dir, ".key", ".tmp");
                Files.writeString(tmp, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own permissions protect the key
                }
                Files.move(tmp, file);
            }
            return new Pseudonymizer(HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one statement (DDL or DML) on this directory's database. */
    public void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException(sql.length() > 80 ? sql.substring(0, 80) + "…" : sql, e);
        }
    }

    /** Whether this directory was opened for writing. */
    public boolean writable() {
        return !readOnly;
    }

    private void requireWritable() {
        if (readOnly) {
            throw new HqdException("数据目录以只读方式打开");
        }
    }

    /** Reads a resource of this module as text. */
    static String resource(String name) {
        try (InputStream in = DataDirectory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("关闭数据库", e);
        }
    }
}
