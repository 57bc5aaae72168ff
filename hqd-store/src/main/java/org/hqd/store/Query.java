package org.hqd.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One question to the database: its SQL, how its parameters are bound, how a row becomes a record, and what it does
 * in words (a failure is a {@link StoreException} saying so). The store's query classes ask through it instead of
 * writing the statement, the result set and the error translation each time.
 *
 * <pre>{@code
 * List<AuditEntry> latest = Query.of("读取审计日志", "SELECT … LIMIT ?").bind(limit).list(c, r -> new AuditEntry(…));
 * }</pre>
 */
public final class Query {
    /** Binds the parameters of a statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Makes a record of the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** Takes the current row (into a map, a sum) and returns nothing. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(ResultSet r) throws SQLException;
    }

    /** Reads the whole result (when rows are not records: a map, a sum). */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Binds one item's parameters of a batched change. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement s, T item) throws SQLException;
    }

    /**
     * The whole result as text: each row its values joined by {@code |}, SQL NULL written {@code NULL} (what a test or
     * a diagnostic compares; the product's readers map rows to records).
     */
    public static final ResultReader<List<String>> TEXT_ROWS = r -> {
        int n = r.getMetaData().getColumnCount();
        List<String> out = new ArrayList<>();
        while (r.next()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                String v = r.getString(i);
                b.append(i > 1 ? "|" : "").append(v == null ? "NULL" : v);
            }
            out.add(b.toString());
        }
        return out;
    };

    private final String what;
    private final String sql;
    private final Binder binder;

    private Query(String what, String sql, Binder binder) {
        this.what = what;
        this.sql = sql;
        this.binder = binder;
    }

    /**
     * @param what what the query does, in the words of the error message ("读取审计日志")
     * @param sql  the statement, with {@code ?} parameters
     */
    public static Query of(String what, String sql) {
        return new Query(what, sql, s -> { });
    }

    /** The parameters, in order ({@code null} is SQL NULL). */
    public Query bind(Object... values) {
        return bind(s -> {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
        });
    }

    /** The parameters, bound by the caller (a filter's, a range of them). */
    public Query bind(Binder b) {
        Binder first = binder;
        return new Query(what, sql, s -> {
            first.bind(s);
            b.bind(s);
        });
    }

    /** Every row as a record, in the order of the result. */
    public <T> List<T> list(Connection c, RowMapper<T> row) {
        return read(c, r -> {
            List<T> out = new ArrayList<>();
            while (r.next()) {
                out.add(row.map(r));
            }
            return out;
        });
    }

    /** The first row as a record; empty when there is none. */
    public <T> Optional<T> first(Connection c, RowMapper<T> row) {
        return read(c, r -> r.next() ? Optional.of(row.map(r)) : Optional.empty());
    }

    /** Hands every row to the caller, in the order of the result. */
    public void forEach(Connection c, RowConsumer row) {
        read(c, r -> {
            while (r.next()) {
                row.accept(r);
            }
            return null;
        });
    }

    /** The whole result, read by the caller. */
    public <T> T read(Connection c, ResultReader<T> reader) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet r = s.executeQuery()) {
                return reader.read(r);
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /** The single number the query answers (a count, a next version); 0 when there is no row. */
    public long number(Connection c) {
        return read(c, r -> r.next() ? r.getLong(1) : 0L);
    }

    /** Runs a change; returns the rows it changed. */
    public int update(Connection c) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /** Runs the change once per item, as one batch (the parameters bound before are bound for every item). */
    public <T> void batch(Connection c, Iterable<? extends T> items, ItemBinder<T> item) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (T t : items) {
                binder.bind(s);
                item.bind(s, t);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }
}
