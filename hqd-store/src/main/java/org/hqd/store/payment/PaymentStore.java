package org.hqd.store.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.hqd.store.Query;

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
        Optional<WeightVersion> latest = inForce();
        if (latest.isPresent() && latest.get().name().equals(w.name()) && latest.get().rate().equals(w.rate())
                && latest.get().pointValue().equals(w.pointValue()) && hash(latest.get().version()).equals(contentHash)) {
            return new Loaded(latest.get().version(), true);
        }
        int version = next("payment_weight_versions", "保存支付权重");
        Query.of("保存支付权重", "INSERT INTO payment_weight_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(version, w.name(), w.rate().isPresent() ? w.rate().getAsDouble() : null,
                        w.pointValue().isPresent() ? w.pointValue().getAsDouble() : null, file, contentHash,
                        w.groups().size(), Timestamp.from(at), by)
                .update(dir.connection());
        Query.of("保存支付权重", "INSERT INTO payment_weights VALUES (?, ?, ?, ?)").bind(version)
                .<GroupWeight>batch(dir.connection(), w.groups().values(), (s, g) -> {
                    s.setString(2, g.group());
                    s.setDouble(3, g.weight());
                    s.setObject(4, g.hasBaseCost() ? g.baseCost() : null);
                });
        return new Loaded(version, false);
    }

    /** The weight version in force: the latest loaded. */
    public Optional<WeightVersion> inForce() {
        List<WeightVersion> all = versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every weight version, oldest first. */
    public List<WeightVersion> versions() {
        return Query.of("读取支付权重版本", "SELECT version, name, rate, point_value, file, groups, loaded_at, loaded_by "
                        + "FROM payment_weight_versions ORDER BY version")
                .list(dir.connection(), r -> new WeightVersion(r.getInt(1), r.getString(2), optional(r, 3),
                        optional(r, 4), r.getString(5), r.getInt(6), r.getTimestamp(7).toInstant(),
                        r.getString(8) == null ? "" : r.getString(8)));
    }

    /** The weights of a version, as the core reads them. */
    public PaymentWeights weights(WeightVersion v) {
        Map<String, GroupWeight> groups = new LinkedHashMap<>();
        Query.of("读取支付权重", "SELECT drg, weight, base_cost FROM payment_weights WHERE version = ? ORDER BY drg")
                .bind(v.version())
                .list(dir.connection(), r -> {
                    double base = r.getDouble(3);
                    return new GroupWeight(r.getString(1), r.getDouble(2), r.wasNull() ? Double.NaN : base);
                })
                .forEach(g -> groups.put(g.group(), g));
        return new PaymentWeights(v.name(), groups, v.rate(), v.pointValue());
    }

    /** Stores rules for a method; they are in force for it from now on. */
    public int loadRules(PaymentMethod method, PaymentRules rules, String file, String text, String contentHash,
                         Instant at, String by) {
        int version = next("payment_rule_versions", "保存支付规则");
        Query.of("保存支付规则", "INSERT INTO payment_rule_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(version, method.name(), rules.id(), file, text, contentHash, Timestamp.from(at), by)
                .update(dir.connection());
        return version;
    }

    /** The rules in force for a method: the latest a region loaded, else the bundled ones. */
    public PaymentRules rules(PaymentMethod method) {
        return Query.of("读取支付规则", "SELECT file, text FROM payment_rule_versions WHERE method = ? "
                        + "ORDER BY version DESC LIMIT 1")
                .bind(method.name())
                .first(dir.connection(), r -> PaymentRulesLoader.parse(r.getString(2), r.getString(1)))
                .orElseGet(method::bundledRules);
    }

    /** Accepts a case for 特病单议 (again: the new reason replaces the old). */
    public void putReview(Review r) {
        Query.of("保存特病单议病例", "INSERT INTO payment_reviews VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (hospital_id, record_id) DO UPDATE SET reason = excluded.reason, "
                        + "accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by")
                .bind(r.hospitalId(), r.recordId(), r.reason(), Timestamp.from(r.acceptedAt()), r.acceptedBy())
                .update(dir.connection());
    }

    /** Whether the store holds this case. */
    public boolean caseExists(String hospitalId, String recordId) {
        return Query.of("查找病例", "SELECT 1 FROM case_records WHERE hospital_id = ? AND record_id = ?")
                .bind(hospitalId, recordId).read(dir.connection(), ResultSet::next);
    }

    public List<Review> reviews() {
        return Query.of("读取特病单议病例", "SELECT hospital_id, record_id, reason, accepted_at, accepted_by "
                        + "FROM payment_reviews ORDER BY hospital_id, record_id")
                .list(dir.connection(), r -> new Review(r.getString(1), r.getString(2), r.getString(3),
                        r.getTimestamp(4).toInstant(), r.getString(5) == null ? "" : r.getString(5)));
    }

    private String hash(int version) {
        return Query.of("保存支付权重", "SELECT content_hash FROM payment_weight_versions WHERE version = ?")
                .bind(version).first(dir.connection(), r -> r.getString(1)).orElse("");
    }

    private int next(String table, String what) {
        return (int) Query.of(what, "SELECT coalesce(max(version), 0) + 1 FROM " + table).number(dir.connection());
    }

    private static OptionalDouble optional(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
