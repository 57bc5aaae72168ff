package org.hqd.store.payment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hqd.payment.Clearing;
import org.hqd.payment.ClearingLine;
import org.hqd.payment.ClearingRecord;
import org.hqd.payment.PaymentMethod;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;

/** The year-end 清算 a region has run, each with its hospital × group lines (schema v14). */
public final class ClearingStore {
    private final DataDirectory dir;

    public ClearingStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** Stores a 清算 with its lines; returns its id. Joins the caller's transaction. */
    public int save(PaymentMethod method, int year, Clearing c, String weights, String rulesId, Instant at, String by) {
        int id = (int) Query.of("保存清算结果", "SELECT coalesce(max(clearing_id), 0) + 1 FROM payment_clearings")
                .number(dir.connection());
        Query.of("保存清算结果", "INSERT INTO payment_clearings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(id, method.name(), year, c.fundFen(), c.totalPoints(), c.pointValue(), weights, rulesId,
                        Timestamp.from(at), by)
                .update(dir.connection());
        Query.of("保存清算结果", "INSERT INTO payment_clearing_lines VALUES (?, ?, ?, ?, ?, ?, ?)").bind(id)
                .<ClearingLine>batch(dir.connection(), c.lines(), (s, l) -> {
                    s.setString(2, l.hospitalId());
                    s.setString(3, l.group());
                    s.setLong(4, l.cases());
                    s.setDouble(5, l.points());
                    s.setLong(6, l.presettledFen());
                    s.setLong(7, l.clearedFen());
                });
        return id;
    }

    /** Every stored 清算, newest first. */
    public List<ClearingRecord> list() {
        return Query.of("读取清算记录", "SELECT clearing_id, method, year, fund_fen, total_points, point_value, weights, "
                        + "rules_id, computed_at, computed_by FROM payment_clearings ORDER BY clearing_id DESC")
                .list(dir.connection(), r -> new ClearingRecord(r.getInt(1), PaymentMethod.valueOf(r.getString(2)),
                        r.getInt(3), r.getLong(4), r.getDouble(5), r.getDouble(6), r.getString(7), r.getString(8),
                        r.getTimestamp(9).toInstant(), r.getString(10) == null ? "" : r.getString(10)));
    }

    /** The lines of a stored 清算, by hospital and group. */
    public Clearing read(ClearingRecord summary) {
        List<ClearingLine> lines = Query.of("读取清算明细", "SELECT hospital_id, grp, cases, points, presettled_fen, "
                        + "cleared_fen FROM payment_clearing_lines WHERE clearing_id = ? ORDER BY 1, 2")
                .bind(summary.id())
                .list(dir.connection(), r -> new ClearingLine(r.getString(1), r.getString(2), r.getLong(3),
                        r.getDouble(4), r.getLong(5), r.getLong(6)));
        return new Clearing(summary.fundFen(), summary.totalPoints(), summary.pointValue(), lines);
    }
}
