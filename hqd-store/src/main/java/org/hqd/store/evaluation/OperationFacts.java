package org.hqd.store.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Optional;
import org.hqd.evaluation.codes.OperationLists;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.Transaction;

/**
 * The per-stay operation facts ({@code operation_facts}: one row per stay with an operation, what
 * {@link OperationMeasures#STAY_FACTS} derives from its procedure lists), kept so that an evaluation sums them instead
 * of splitting the procedure strings of every stay. They depend on the code lists in force (bundled, or files under
 * {@code code-lists/} that a region puts in place at any time), so the store keeps the stamp of the lists they were
 * derived with (setting {@value #STAMP_SETTING}): an import adds the facts of its stays when the stamp is that of the
 * lists in force and rebuilds them all otherwise; an evaluation on a writable store rebuilds them when the stamp
 * differs (the first evaluation after an upgrade or a list change), and on a read-only store with a stale stamp
 * derives them within its query. A stale fact is never read.
 */
public final class OperationFacts {
    /** The setting holding the stamp of the lists (and derivation) the stored facts were made with. */
    public static final String STAMP_SETTING = "operation_facts_stamp";

    /** Changed whenever {@link OperationMeasures#STAY_FACTS} changes what a fact means: stored facts are rebuilt. */
    private static final String DERIVATION = "1";

    /** One rebuild at a time within a process (the web's threads share one database). */
    private static final Object REBUILD = new Object();

    private OperationFacts() {
    }

    /** The stamp of these lists: a digest of their codes, whether grade 4 is by list, and the derivation. */
    static String stamp(OperationLists lists) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((DERIVATION + "|" + lists.grade4ByList() + "|").getBytes(StandardCharsets.UTF_8));
            d.update(OperationMeasures.codes(lists).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the stored facts are those of the lists in force, rebuilding them first (one transaction) when they are
     * not and the store is writable; false on a read-only store with stale facts.
     */
    static boolean current(DataDirectory dir, OperationLists lists) {
        String stamp = stamp(lists);
        if (stored(dir.connection()).filter(stamp::equals).isPresent()) {
            return true;
        }
        if (!dir.writable()) {
            return false;
        }
        synchronized (REBUILD) {
            Transaction.run(dir.connection(), "按手术代码目录重建病例手术事实", c -> {
                if (stored(c).filter(stamp::equals).isEmpty()) {
                    rebuild(c, lists, stamp);
                }
                return null;
            });
        }
        return true;
    }

    /**
     * Within an import's transaction, after the batch's cases are inserted (a replaced record's old version already
     * deleted): the facts of the batch's stays replace any stored under their keys, or, when the stored facts were
     * made with other lists (or never), all facts are rebuilt with the lists in force.
     */
    public static void afterImport(Connection c, DataDirectory dir, int batch) {
        OperationLists lists = OperationMeasures.lists(dir.path());
        String stamp = stamp(lists);
        if (stored(c).filter(stamp::equals).isEmpty()) {
            rebuild(c, lists, stamp);
            return;
        }
        Query.of("删除本批次病例的手术事实", "DELETE FROM operation_facts f USING (SELECT hospital_id, record_id "
                + "FROM case_records WHERE batch_id = ?) k WHERE f.hospital_id = k.hospital_id "
                + "AND f.record_id = k.record_id").bind(batch).update(c);
        insert(c, lists, "batch_id = " + batch);
    }

    private static void rebuild(Connection c, OperationLists lists, String stamp) {
        Query.of("清空病例手术事实", "DELETE FROM operation_facts").update(c);
        insert(c, lists, "true");
        Query.of("保存病例手术事实的目录版本", "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                + "SET value = excluded.value").bind(STAMP_SETTING, stamp).update(c);
    }

    private static void insert(Connection c, OperationLists lists, String where) {
        Query.of("按手术代码目录计算病例手术事实", "INSERT INTO operation_facts WITH " + OperationMeasures.CODE_LISTS
                + ",\n" + OperationMeasures.STAY_FACTS.replace("{where}", where)
                        .replace("{grade4_by_list}", String.valueOf(lists.grade4ByList()))
                + "SELECT * FROM stay_facts").bind(OperationMeasures.codes(lists)).update(c);
    }

    private static Optional<String> stored(Connection c) {
        return Query.of("读取病例手术事实的目录版本", "SELECT value FROM settings WHERE key = ?").bind(STAMP_SETTING)
                .first(c, r -> r.getString(1));
    }
}
