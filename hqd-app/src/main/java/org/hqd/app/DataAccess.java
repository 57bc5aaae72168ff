package org.hqd.app;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.Transaction;
import org.hqd.store.importing.Importer;

/**
 * How a service reaches the data directory: it borrows a connection for one unit of work. The command line and the
 * demo hold one connection ({@link Workspace}, {@link #of(DataDirectory)}); the web server lends one of its pool per
 * request. A service keeps no connection between calls.
 */
public interface DataAccess {
    /** Runs work on a connection of its own for the duration of the call. */
    <T> T with(Function<DataDirectory, T> work);

    /** Whether the directory holds synthetic data (合成数据), which every report and page then says. */
    default boolean synthetic() {
        return with(DataDirectory::synthetic);
    }

    /** The grouping scheme of the data directory's cases (the default scheme before the first import). */
    default String scheme() {
        return with(DataAccess::scheme);
    }

    /** The grouping scheme of a directory already borrowed (borrowing again inside {@link #with} could wait forever). */
    static String scheme(DataDirectory d) {
        return d.setting(Importer.SCHEME_SETTING).orElse(RulePackCatalog.DEFAULT_PACK);
    }

    /** The rule pack of {@link #scheme()}. */
    default RulePack pack() {
        return RulePackCatalog.bundled().load(scheme());
    }

    /**
     * Runs work as one transaction: every store call inside it joins it, so what a use case writes — its changes and
     * its audit entry — is stored together or not at all.
     *
     * @param what what the work does, for the error message when the database fails
     */
    default <T> T inTransaction(String what, Function<DataDirectory, T> work) {
        return with(d -> transaction(d, what, () -> work.apply(d)));
    }

    /**
     * Runs work as one transaction on a connection already borrowed, for a use case that does more than the
     * transaction on it (writes a file afterwards): borrowing a second connection inside {@link #with} could wait
     * forever on a full pool.
     */
    static <T> T transaction(DataDirectory d, String what, Supplier<T> work) {
        return Transaction.run(d.connection(), what, c -> work.get());
    }

    /** The access of one open data directory, used by one thread at a time. */
    static DataAccess of(DataDirectory dir) {
        Objects.requireNonNull(dir, "dir");
        return new DataAccess() {
            @Override
            public <T> T with(Function<DataDirectory, T> work) {
                return work.apply(dir);
            }
        };
    }
}
