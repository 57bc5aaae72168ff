package org.hqd.store.payment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hqd.payment.Clearing;
import org.hqd.payment.ClearingLine;
import org.hqd.payment.ClearingRecord;
import org.hqd.payment.PaymentMethod;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/** The year-end 清算 a region has run, each with its hospital × group lines (schema v14). */
public final class ClearingStore {
    private final DataDirectory dir;

    public ClearingStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** Stores a 清算 with its lines; returns its id. Joins the caller's transaction. */
    public int save(PaymentMethod method, int year, Clearing c, String weights, String rulesId, Instant at, String by) {
        try {
            int id;
            try (var s = dir.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT coalesce(max(clearing_id), 0) + 1 FROM payment_clearings")) {
                r.next();
                id = r.getInt(1);
            }
            try (PreparedStatement s = dir.connection().prepareStatement(
                    "INSERT INTO payment_clearings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setInt(1, id);
                s.setString(2, method.name());
                s.setInt(3, year);
                s.setLong(4, c.fundFen());
                s.setDouble(5, c.totalPoints());
                s.setDouble(6, c.pointValue());
                s.setString(7, weights);
                s.setString(8, rulesId);
                s.setTimestamp(9, Timestamp.from(at));
                s.setString(10, by);
                s.executeUpdate();
            }
            try (PreparedStatement s = dir.connection().prepareStatement(
                    "INSERT INTO payment_clearing_lines VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (ClearingLine l : c.lines()) {
                    s.setInt(1, id);
                    s.setString(2, l.hospitalId());
                    s.setString(3, l.group());
                    s.setLong(4, l.cases());
                    s.setDouble(5, l.points());
                    s.setLong(6, l.presettledFen());
                    s.setLong(7, l.clearedFen());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return id;
        } catch (SQLException e) {
            throw new StoreException("保存清算结果", e);
        }
    }

    /** Every stored 清算, newest first. */
    public List<ClearingRecord> list() {
        List<ClearingRecord> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT clearing_id, method, year, fund_fen, "
                + "total_points, point_value, weights, rules_id, computed_at, computed_by FROM payment_clearings "
                + "ORDER BY clearing_id DESC"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new ClearingRecord(r.getInt(1), PaymentMethod.valueOf(r.getString(2)), r.getInt(3), r.getLong(4),
                        r.getDouble(5), r.getDouble(6), r.getString(7), r.getString(8), r.getTimestamp(9).toInstant(),
                        r.getString(10) == null ? "" : r.getString(10)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取清算记录", e);
        }
    }

    /** The lines of a stored 清算, by hospital and group. */
    public Clearing read(ClearingRecord summary) {
        List<ClearingLine> lines = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT hospital_id, grp, cases, points, "
                + "presettled_fen, cleared_fen FROM payment_clearing_lines WHERE clearing_id = ? ORDER BY 1, 2")) {
            s.setInt(1, summary.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(new ClearingLine(r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4),
                            r.getLong(5), r.getLong(6)));
                }
            }
            return new Clearing(summary.fundFen(), summary.totalPoints(), summary.pointValue(), lines);
        } catch (SQLException e) {
            throw new StoreException("读取清算明细", e);
        }
    }
}
