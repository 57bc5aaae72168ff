package org.hqd.store.payment;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.compliance.ComplianceCase;
import org.hqd.compliance.ComplianceRule;
import org.hqd.compliance.PeerCount;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.query.CaseFilterSql;

/*
 * Every query starts from the same view k of the cases discharged in a period (with the hospital's tier as its peer
 * group and the mean cost of the case's DRG under the weight basis), so that what is counted or selected here is what
 * the core screener would see of the whole period. The candidate conditions are looser than the rules (no discharge
 * method or procedure condition, a cost share with a margin of 1e-9, a diagnosis prefix anywhere in the list): the
 * core screener applies the rules exactly to the few cases they let through.
 */
/**
 * The cases compliance screening reads. {@link #cases} is every case of a period; the screen itself reads only
 * {@link #peerCounts} (the upcoding signals' counts, made in SQL), the {@link #candidates} of the rules on single cases
 * and the stays of the patients who may have a {@link #splitStayCandidates split stay}.
 */
public final class ComplianceQuery {
    private final DataDirectory dir;
    private final WeightBasis basis;

    public ComplianceQuery(DataDirectory dir, WeightBasis basis) {
        this.dir = dir;
        this.basis = basis;
    }

    /** Every hospital's cases discharged in the period (the filter's hospital is not applied). */
    public List<ComplianceCase> cases(CaseFilter period) {
        return read(view(new CaseFilter(period.from(), period.to(), Optional.empty()))
                .add(" SELECT * FROM k ORDER BY hospital_id, record_id"));
    }

    /** How many cases the filter's hospital (or every hospital) discharged in the period. */
    public long count(CaseFilter filter) {
        Bound sql = view(filter).add(" SELECT count(*) FROM k");
        try (PreparedStatement s = dir.connection().prepareStatement(sql.text())) {
            sql.bind(s, 1);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("统计审核病例", e);
        }
    }

    /** The upcoding signals' counts of every hospital's grouped cases with an ADRG discharged in the period. */
    public List<PeerCount> peerCounts(CaseFilter period) {
        Bound sql = view(new CaseFilter(period.from(), period.to(), Optional.empty())).add(" SELECT hospital_id, "
                + "peer_group, adrg, count(*), count(*) FILTER (WHERE cc OR mcc), sum(len(list_filter("
                + "string_split(secondary_dx, '|'), x -> NOT regexp_full_match(x, '[\\s\\x{0B}\\x{1C}-\\x{1F}]*'))))"
                + "::BIGINT FROM k WHERE grouped AND adrg <> '' GROUP BY hospital_id, peer_group, adrg "
                + "ORDER BY hospital_id, adrg");
        List<PeerCount> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement(sql.text())) {
            sql.bind(s, 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new PeerCount(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), r.getLong(5),
                            r.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("统计审核病例", e);
        }
    }

    /**
     * The cases of the filter (period and hospital) that a rule on single cases (needless admission, CC/MCC without
     * charges) may flag; the other rules are not looked at.
     */
    public List<ComplianceCase> candidates(CaseFilter filter, List<ComplianceRule> rules) {
        Bound where = new Bound().add("false");
        for (ComplianceRule rule : rules) {
            if (rule instanceof ComplianceRule.NeedlessAdmission n) {
                where.add(" OR (los BETWEEN 0 AND ? AND total_cost / group_mean < ?)", n.losDaysAtMost(),
                        n.costBelowMean() + 1e-9);
            } else if (rule instanceof ComplianceRule.CcWithoutCharges w) {
                for (ComplianceRule.ChargeEvidence e : w.evidence()) {
                    where.add(" OR ((cc OR mcc) AND (false");
                    e.dxPrefixes().forEach(p -> where.add(" OR contains(secondary_dx, ?)", p));
                    where.add(")");
                    e.charges().forEach(k -> where.add(" AND NOT (" + k.column() + " > 0)"));
                    where.add(")");
                }
            }
        }
        return read(view(filter).add(" SELECT * FROM k WHERE ").add(where).add(" ORDER BY hospital_id, record_id"));
    }

    /**
     * Every grouped stay, discharged in the period at any hospital, of each patient (at one hospital, when the rule
     * asks for the same hospital) with two stays the second admitted 0 to the rule's days after the first's discharge.
     */
    public List<ComplianceCase> splitStayCandidates(CaseFilter period, ComplianceRule.SplitStay rule) {
        String same = rule.sameHospital() ? " AND a.hospital_id = b.hospital_id" : "";
        Object from = period.from().map(Date::valueOf).orElse(null);
        Object to = period.to().map(Date::valueOf).orElse(null);
        return read(view(new CaseFilter(period.from(), period.to(), Optional.empty())).add(", s AS (SELECT "
                + "hospital_id, record_id, patient_id, coalesce(admission_date, discharge_date) AS adm, "
                + "discharge_date AS dis FROM case_records c WHERE c.discharge_date IS NOT NULL AND "
                + CaseFilterSql.period("c"), from, from, to, to).add(" AND c.status = 'GROUPED' AND "
                + "trim(coalesce(c.patient_id, '')) <> ''), p AS (SELECT DISTINCT b.patient_id"
                + (rule.sameHospital() ? ", b.hospital_id" : "") + " FROM s a JOIN s b ON a.patient_id = b.patient_id"
                + same + " AND a.adm - b.dis BETWEEN 0 AND ? AND NOT (a.hospital_id = b.hospital_id "
                + "AND a.record_id = b.record_id)) SELECT k.* FROM k JOIN p b ON k.patient_id = b.patient_id"
                + same.replace("a.", "k.") + " WHERE k.grouped ORDER BY k.hospital_id, k.record_id", rule.days()));
    }

    /** {@code WITH w AS (weights), k AS (the filter's cases)}. */
    private Bound view(CaseFilter filter) {
        StringBuilder charges = new StringBuilder();
        for (ChargeCategory k : ChargeCategory.values()) {
            charges.append(", coalesce(c.").append(k.column()).append(", 0) AS ").append(k.column());
        }
        Object from = filter.from().map(Date::valueOf).orElse(null);
        Object to = filter.to().map(Date::valueOf).orElse(null);
        Object hospital = filter.hospital().orElse(null);
        return new Bound().add("WITH w AS (").add(basis.weights()).add("), k AS (SELECT c.hospital_id, c.record_id, "
                        + "coalesce(c.patient_id, '') AS patient_id, coalesce(h.tier, '') AS peer_group, "
                        + "c.admission_date AS admission, c.discharge_date AS discharge, coalesce(c.los_days, -1) AS los, "
                        + "coalesce(c.discharge_method, '') AS discharge_method, c.status = 'GROUPED' AS grouped, "
                        + "coalesce(c.mdc, '') AS mdc, coalesce(c.adrg, '') AS adrg, coalesce(c.drg, '') AS drg, "
                        + "coalesce(c.cc, false) AS cc, coalesce(c.mcc, false) AS mcc, "
                        + "coalesce(c.secondary_dx, '') AS secondary_dx, coalesce(c.principal_proc, '') AS principal_proc, "
                        + "coalesce(c.other_procs, '') AS other_procs, coalesce(c.total_cost, 0) AS total_cost" + charges
                        + ", coalesce(w.base_cost, w.weight * ").add(basis.yuanPerWeight()).add(") AS group_mean "
                        + "FROM case_records c LEFT JOIN hospital_register h ON h.hospital_id = c.hospital_id "
                        + "LEFT JOIN w ON ").add(basis.weightJoin())
                .add(basis.joins() + " WHERE c.discharge_date IS NOT NULL AND " + CaseFilterSql.period("c"),
                        from, from, to, to)
                .add(" AND " + CaseFilterSql.hospital("c") + ")", hospital, hospital);
    }

    private List<ComplianceCase> read(Bound sql) {
        List<ComplianceCase> out = new ArrayList<>();
        try (PreparedStatement s = dir.connection().prepareStatement(sql.text())) {
            sql.bind(s, 1);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double[] amounts = new double[ChargeCategory.values().length];
                    for (int i = 0; i < amounts.length; i++) {
                        amounts[i] = r.getDouble(19 + i);
                    }
                    double mean = r.getDouble(19 + amounts.length);
                    boolean noMean = r.wasNull();
                    LocalDate discharge = r.getDate(6).toLocalDate();
                    out.add(new ComplianceCase(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getDate(5) == null ? discharge : r.getDate(5).toLocalDate(), discharge, r.getInt(7),
                            r.getString(8), r.getBoolean(9), r.getString(10), r.getString(11), r.getString(12),
                            r.getBoolean(13), r.getBoolean(14), DischargeAbstract.codes(r.getString(15)),
                            (r.getString(16).isBlank() ? 0 : 1) + DischargeAbstract.codes(r.getString(17)).size(),
                            r.getDouble(18),
                            Charges.of(amounts), noMean ? Double.NaN : mean));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("读取审核病例", e);
        }
    }
}
