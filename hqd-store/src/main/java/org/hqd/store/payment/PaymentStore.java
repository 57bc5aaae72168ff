package org.hqd.store.payment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.payment.GroupWeight;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.PaymentRulesLoader;
import org.hqd.payment.PaymentWeights;
import org.hqd.payment.Review;
import org.hqd.payment.WeightVersion;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;

/**
 * The insurer's payment parameters in a data directory (schema v14): official weight versions — the latest is in
 * force —, the payment rules a region loaded for DRG and for DIP (the bundled rules apply until it loads its own), and
 * the cases accepted for 特病单议. Writes join the caller's transaction.
 */
public final class PaymentStore {
    /** A version just stored, or the one that already held the same file ({@code alreadyLoaded}). */
    public record Loaded(int version, boolean alreadyLoaded) { }

    private final DataDirectory dir;

    public PaymentStore(DataDirectory dir) {
        this.dir = dir;
    }

    /** Stores a weight version; the same file, name and rate or point value again changes nothing. */
    public Loaded loadWeights(PaymentWeights w, String file, String contentHash, Instant at, String by) {
        try {
            Optional<WeightVersion> latest = inForce();
            if (latest.isPresent() && latest.get().name().equals(w.name()) && latest.get().rate().equals(w.rate())
                    && latest.get().pointValue().equals(w.pointValue()) && hash(latest.get().version()).equals(contentHash)) {
                return new Loaded(latest.get().version(), true);
            }
            int version = next("payment_weight_versions");
            try (PreparedStatement s = dir.connection().prepareStatement(
                    "INSERT INTO payment_weight_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setInt(1, version);
                s.setString(2, w.name());
                s.setObject(3, w.rate().isPresent() ? w.rate().getAsDouble() : null);
                s.setObject(4, w.pointValue().isPresent() ? w.pointValue().getAsDouble() : null);
                s.setString(5, file);
                s.setString(6, contentHash);
                s.setInt(7, w.groups().size());
                s.setTimestamp(8, Timestamp.from(at));
                s.setString(9, by);
                s.executeUpdate();
            }
            try (PreparedStatement s = dir.connection().prepareStatement(
                    "INSERT INTO payment_weights VALUES (?, ?, ?, ?)")) {
                for (GroupWeight g : w.groups().values()) {
                    s.setInt(1, version);
                    s.setString(2, g.group());
                    s.setDouble(3, g.weight());
                    s.setObject(4, g.hasBaseCost() ? g.baseCost() : null);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new Loaded(version, false);
        } catch (SQLException e) {
            throw new StoreException("保存支付权重", e);
        }
    }

    /** The weight version in force: the latest loaded. */
    public Optional<WeightVersion> inForce() {
        List<WeightVersion> all = versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every weight version, oldest first. */
    public List<WeightVersion> versions() {
        List<WeightVersion> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT version, name, rate, point_value, file, "
                + "groups, loaded_at, loaded_by FROM payment_weight_versions ORDER BY version");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new WeightVersion(r.getInt(1), r.getString(2), optional(r, 3), optional(r, 4), r.getString(5),
                        r.getInt(6), r.getTimestamp(7).toInstant(), r.getString(8) == null ? "" : r.getString(8)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取支付权重版本", e);
        }
    }

    /** The weights of a version, as the core reads them. */
    public PaymentWeights weights(WeightVersion v) {
        Map<String, GroupWeight> groups = new LinkedHashMap<>();
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT drg, weight, base_cost FROM payment_weights WHERE version = ? ORDER BY drg")) {
            s.setInt(1, v.version());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double base = r.getDouble(3);
                    groups.put(r.getString(1), new GroupWeight(r.getString(1), r.getDouble(2), r.wasNull() ? Double.NaN
                            : base));
                }
            }
            return new PaymentWeights(v.name(), groups, v.rate(), v.pointValue());
        } catch (SQLException e) {
            throw new StoreException("读取支付权重", e);
        }
    }

    /** Stores rules for a method; they are in force for it from now on. */
    public int loadRules(PaymentMethod method, PaymentRules rules, String file, String text, String contentHash,
                         Instant at, String by) {
        try {
            int version = next("payment_rule_versions");
            try (PreparedStatement s = dir.connection().prepareStatement(
                    "INSERT INTO payment_rule_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setInt(1, version);
                s.setString(2, method.name());
                s.setString(3, rules.id());
                s.setString(4, file);
                s.setString(5, text);
                s.setString(6, contentHash);
                s.setTimestamp(7, Timestamp.from(at));
                s.setString(8, by);
                s.executeUpdate();
            }
            return version;
        } catch (SQLException e) {
            throw new StoreException("保存支付规则", e);
        }
    }

    /** The rules in force for a method: the latest a region loaded, else the bundled ones. */
    public PaymentRules rules(PaymentMethod method) {
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT file, text FROM payment_rule_versions "
                + "WHERE method = ? ORDER BY version DESC LIMIT 1")) {
            s.setString(1, method.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? PaymentRulesLoader.parse(r.getString(2), r.getString(1)) : method.bundledRules();
            }
        } catch (SQLException e) {
            throw new StoreException("读取支付规则", e);
        }
    }

    /** Accepts a case for 特病单议 (again: the new reason replaces the old). */
    public void putReview(Review r) {
        try (PreparedStatement s = dir.connection().prepareStatement("INSERT INTO payment_reviews VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (hospital_id, record_id) DO UPDATE SET reason = excluded.reason, "
                + "accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by")) {
            s.setString(1, r.hospitalId());
            s.setString(2, r.recordId());
            s.setString(3, r.reason());
            s.setTimestamp(4, Timestamp.from(r.acceptedAt()));
            s.setString(5, r.acceptedBy());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("保存特病单议病例", e);
        }
    }

    /** Whether the store holds this case. */
    public boolean caseExists(String hospitalId, String recordId) {
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT 1 FROM case_records WHERE hospital_id = ? AND record_id = ?")) {
            s.setString(1, hospitalId);
            s.setString(2, recordId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException("查找病例", e);
        }
    }

    public List<Review> reviews() {
        List<Review> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement("SELECT hospital_id, record_id, reason, "
                + "accepted_at, accepted_by FROM payment_reviews ORDER BY hospital_id, record_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Review(r.getString(1), r.getString(2), r.getString(3), r.getTimestamp(4).toInstant(),
                        r.getString(5) == null ? "" : r.getString(5)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取特病单议病例", e);
        }
    }

    private String hash(int version) throws SQLException {
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT content_hash FROM payment_weight_versions WHERE version = ?")) {
            s.setInt(1, version);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    private int next(String table) throws SQLException {
        try (var s = dir.connection().createStatement();
             ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) + 1 FROM " + table)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static OptionalDouble optional(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
