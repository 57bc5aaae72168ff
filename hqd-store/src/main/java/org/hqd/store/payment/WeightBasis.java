package org.hqd.store.payment;

import java.util.Objects;
import org.hqd.store.query.CaseSql;

/**
 * Where a settlement takes each case's group and the group's weight from, and what a point and a unit of weight are
 * worth: an official weight version, HQD's own standards (DESIGN §3.3, when the insurer has loaded none) or an
 * official DIP catalogue. The SQL pieces are written here once for {@link SettlementSql}.
 */
public final class WeightBasis {
    /** What a basis is built on. */
    public enum Kind { OFFICIAL, STANDARDS, DIP }

    private final Kind kind;
    private final String label;
    private final Bound weights;
    private final String group;
    private final Bound grouped;
    private final Bound yuanPerWeight;
    private final Bound yuanPerPoint;
    private final String adjustment;
    private final String joins;

    private WeightBasis(Kind kind, String label, Bound weights, String group, Bound grouped, Bound yuanPerWeight,
                        Bound yuanPerPoint, String adjustment, String joins) {
        this.kind = kind;
        this.label = Objects.requireNonNull(label, "label");
        this.weights = weights;
        this.group = group;
        this.grouped = grouped;
        this.yuanPerWeight = yuanPerWeight;
        this.yuanPerPoint = yuanPerPoint;
        this.adjustment = adjustment;
        this.joins = joins;
    }

    /** An official weight version; yuan per weight and per point as the core derives them for it. */
    public static WeightBasis official(int version, String label, double yuanPerWeight, double yuanPerPoint) {
        return new WeightBasis(Kind.OFFICIAL, label,
                new Bound().add("SELECT drg AS grp, weight, base_cost FROM payment_weights WHERE version = ?", version),
                "c.drg", new Bound().add("c.status = 'GROUPED'"), new Bound().add("?::DOUBLE", yuanPerWeight),
                new Bound().add("?::DOUBLE", yuanPerPoint), "1.0", "");
    }

    /**
     * HQD's latest standards: RW as the weight, the trimmed mean cost as the group's mean; a unit of weight is worth the
     * region's rate — cost turns into points at it — and a point is worth the region's rate / points per weight, or,
     * with {@code hospitalRates}, the hospital's own rate / points per weight where one is stored (setting
     * {@code base_rate:<hospital>}: the hospital's payment scales with its rate).
     */
    public static WeightBasis standards(String label, double regionRate, boolean hospitalRates, double pointsPerWeight) {
        return new WeightBasis(Kind.STANDARDS, label, new Bound().add("SELECT drg AS grp, rw AS weight, mean_cost AS "
                + "base_cost FROM (" + CaseSql.LATEST_STANDARDS + ") WHERE rw > 0 AND mean_cost > 0"), "c.drg",
                new Bound().add("c.status = 'GROUPED'"),
                new Bound().add("?::DOUBLE", regionRate),
                new Bound().add("coalesce(hr.rate, ?::DOUBLE) / ?::DOUBLE", regionRate, pointsPerWeight), "1.0",
                " LEFT JOIN (SELECT substr(key, " + (HOSPITAL_RATE.length() + 1) + ") AS hospital_id, "
                        + "TRY_CAST(value AS DOUBLE) AS rate FROM settings WHERE key LIKE '" + HOSPITAL_RATE + "%' AND "
                        + hospitalRates + ") hr ON hr.hospital_id = c.hospital_id");
    }

    /** The prefix of a hospital's own base-rate setting, followed by its hospital id. */
    public static final String HOSPITAL_RATE = "base_rate:";
    /** The setting of the region-wide base rate (yuan per unit of weight). */
    public static final String REGION_RATE = "base_rate";

    /**
     * A DIP catalogue version: the case's DIP group under it, the group's score as its weight (points per weight 1),
     * its mean cost, and the case's auxiliary-catalogue coefficient.
     */
    public static WeightBasis dip(int version, String label, double yuanPerWeight, double yuanPerPoint) {
        return new WeightBasis(Kind.DIP, label, new Bound().add("SELECT dip_key AS grp, score AS weight, mean_cost AS "
                + "base_cost FROM dip_catalogue WHERE version = ? AND score > 0", version), "c.dip_key",
                new Bound().add("c.dip_version = ?", version), new Bound().add("?::DOUBLE", yuanPerWeight),
                new Bound().add("?::DOUBLE", yuanPerPoint), "coalesce(a.coefficient, 1.0)",
                " LEFT JOIN dip_case_adjustments a ON a.hospital_id = c.hospital_id AND a.record_id = c.record_id "
                        + "AND a.version = c.dip_version");
    }

    public Kind kind() {
        return kind;
    }

    /** What the basis is, in Chinese, for messages and headers. */
    public String label() {
        return label;
    }

    Bound weights() {
        return weights;
    }

    String group() {
        return group;
    }

    Bound grouped() {
        return grouped;
    }

    /**
     * The condition joining the weights {@code w} to the case {@code c}: its group when the case is grouped under the
     * basis. Written as one equality (a grouped-or-NULL key) so that the database hashes the join; "grouped AND
     * w.grp = group" made DuckDB fall back to a block-wise nested-loop join (26 s instead of 3 s on 10M cases).
     */
    Bound weightJoin() {
        return new Bound().add("w.grp = CASE WHEN ").add(grouped).add(" THEN " + group + " END");
    }

    Bound yuanPerWeight() {
        return yuanPerWeight;
    }

    Bound yuanPerPoint() {
        return yuanPerPoint;
    }

    String adjustment() {
        return adjustment;
    }

    String joins() {
        return joins;
    }
}
