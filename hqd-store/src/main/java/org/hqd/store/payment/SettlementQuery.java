package org.hqd.store.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hqd.casemix.CaseFilter;
import org.hqd.io.grouping.ResultCsv;
import org.hqd.payment.CaseType;
import org.hqd.payment.ClearingCell;
import org.hqd.payment.MonthLine;
import org.hqd.payment.PaymentCase;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.Settlement;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.query.CaseSql;

/**
 * The insurer's settlement of the cases of a data directory (see {@link SettlementSql}): per case as CSV or rows,
 * monthly pre-settlement per hospital, and the hospital × group cells a year-end 清算 shares the fund over.
 */
public final class SettlementQuery {
    /** The columns of {@code hqd payment settle}. */
    public static final String HEADER = "hospital_id,record_id,payer,insured,drg,weight,case_type,points,payment,"
            + "total_cost,balance";
    /** The CSV columns as text; an empty field is NULL, which both writers leave empty and unquoted. */
    private static final String CSV_COLUMNS = "hospital_id, record_id, nullif(payer, ''), CASE WHEN insured THEN 'true' "
            + "ELSE 'false' END, nullif(grp, ''), " + decimals("weight", 4) + ", case_type, "
            + "CASE WHEN insured THEN " + decimals("points", 4) + " END, CASE WHEN insured THEN " + yuan("payment_fen") + " END, "
            + yuan("round(charges * 100)::BIGINT") + ", CASE WHEN insured THEN " + yuan("balance_fen") + " END";

    private final DataDirectory dir;
    private final PaymentRules rules;
    private final WeightBasis basis;
    private final CostBasis costs;

    public SettlementQuery(DataDirectory dir, PaymentRules rules, WeightBasis basis, CostBasis costs) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.basis = Objects.requireNonNull(basis, "basis");
        this.costs = Objects.requireNonNull(costs, "costs");
    }

    /** An amount in fen as yuan text with two decimals, exactly: a decimal cast (printf took 4 CPU-seconds more on 10M cases). */
    private static String yuan(String fen) {
        return "(" + fen + "::DECIMAL(18, 0) / 100)::DECIMAL(18, 2)::VARCHAR";
    }

    /** A double rounded half away from zero to {@code places} decimals, as text with exactly that many. */
    private static String decimals(String value, int places) {
        return "round(" + value + ", " + places + ")::DECIMAL(18, " + places + ")::VARCHAR";
    }

    /** Writes one CSV line per case ({@link #HEADER}, in hospital and record order); returns the number of cases. */
    public long writeCsv(CaseFilter filter, Writer out) {
        Bound sql = SettlementSql.with(rules, basis, costs, filter).add("SELECT " + CSV_COLUMNS
                + " FROM settled ORDER BY hospital_id, record_id");
        long n = 0;
        try (PreparedStatement s = prepare(sql)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(160);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= 11; i++) {
                        String v = r.getString(i);
                        if (v != null) {
                            ResultCsv.field(line, v);
                        }
                        line.append(i < 11 ? ',' : '\n');
                    }
                    out.append(line);
                    n++;
                }
            }
            out.flush();
            return n;
        } catch (SQLException e) {
            throw new StoreException("计算病例结算", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the per-case CSV to a file with the database's own writer (the fast path for a whole province). */
    public long copyCsv(CaseFilter filter, Path file) {
        Bound sql = SettlementSql.with(rules, basis, costs, filter).add("SELECT " + CSV_COLUMNS
                + " FROM settled ORDER BY hospital_id, record_id");
        String names = HEADER.replace(",", "\", \"");
        String copy = "COPY (SELECT * FROM (" + sql.inline() + ") AS s(\"" + names + "\")) TO '"
                + file.toAbsolutePath().toString().replace("'", "''") + "' (FORMAT csv, HEADER true)";
        try (var s = dir.connection().createStatement()) {
            s.execute(copy);
            return s.getUpdateCount();
        } catch (SQLException e) {
            throw new StoreException("写出病例结算 " + file, e);
        }
    }

    /** The settled cases (no trace), worst balance first (insured cases before the others); at most {@code limit}. */
    public List<Settlement> rows(CaseFilter filter, int limit) {
        return settlements(SettlementSql.with(rules, basis, costs, filter).add("SELECT " + SETTLEMENT_COLUMNS
                + " FROM settled ORDER BY insured DESC, balance_fen, hospital_id, record_id LIMIT ?", limit));
    }

    /**
     * The insured cases of each hospital that lose most (no trace): at most {@code perHospital} a hospital, by hospital
     * then in the order of {@link #rows} (worst balance first, then record) — a hospital's are the first insured cases
     * of {@link #rows} of that hospital.
     */
    public List<Settlement> worstOfEachHospital(CaseFilter filter, int perHospital) {
        return settlements(SettlementSql.with(rules, basis, costs, filter).add("SELECT " + SETTLEMENT_COLUMNS
                + " FROM settled WHERE insured QUALIFY row_number() OVER (PARTITION BY hospital_id "
                + "ORDER BY balance_fen, record_id) <= ? ORDER BY hospital_id, balance_fen, record_id", perHospital));
    }

    /** The columns {@link #settlements} reads. */
    private static final String SETTLEMENT_COLUMNS = "hospital_id, record_id, payer, insured, grp, weight, case_type, "
            + "rule, points, payment_fen, charges, cost_fen";

    private List<Settlement> settlements(Bound sql) {
        List<Settlement> out = new ArrayList<>();
        try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                double w = r.getDouble(6);
                boolean noWeight = r.wasNull();
                double p = r.getDouble(9);
                boolean noPoints = r.wasNull();
                out.add(new Settlement(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                        nz(r.getString(5)), noWeight ? Double.NaN : w, TYPES.get(r.getString(7)), r.getString(8),
                        noPoints ? Double.NaN : p, r.getLong(10), r.getDouble(11), r.getLong(12) / 100.0, List.of()));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("计算病例结算", e);
        }
    }

    private static final java.util.Map<String, CaseType> TYPES = java.util.Arrays.stream(CaseType.values())
            .collect(java.util.stream.Collectors.toMap(CaseType::code, t -> t));

    /** What the core's evaluator needs of one case (to explain its settlement); empty when the store has no such case. */
    public java.util.Optional<PaymentCase> input(String hospitalId, String recordId) {
        CaseFilter one = new CaseFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(hospitalId));
        Bound sql = SettlementSql.with(rules, basis, costs, one).add("SELECT hospital_id, record_id, "
                + "coalesce(payer_raw, ''), is_grouped, grp, charges, dm, los, coalesce(reason, ''), adj FROM c "
                + "WHERE record_id = ?", recordId);
        try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new PaymentCase(r.getString(1), r.getString(2), r.getString(3),
                    r.getBoolean(4), r.getString(5), r.getDouble(6), r.getString(7), r.getInt(8), r.getString(9),
                    r.getDouble(10)));
        } catch (SQLException e) {
            throw new StoreException("读取病例", e);
        }
    }

    /** Monthly pre-settlement per hospital, by month then hospital. */
    public List<MonthLine> monthly(CaseFilter filter) {
        Bound sql = SettlementSql.with(rules, basis, costs, filter).add("SELECT strftime(discharge_date, '%Y-%m') AS m, "
                + "hospital_id, count(*) FILTER (insured), coalesce(sum(points) FILTER (insured), 0), "
                + "coalesce(sum(payment_fen) FILTER (insured), 0), coalesce(sum(cost_fen) FILTER (insured), 0), "
                + "count(*) FILTER (insured AND case_type = 'normal'), count(*) FILTER (insured AND case_type = 'high'), "
                + "count(*) FILTER (insured AND case_type = 'low'), count(*) FILTER (insured AND case_type = 'special'), "
                + "count(*) FILTER (insured AND case_type = 'ungrouped'), count(*) FILTER (NOT insured) "
                + "FROM settled GROUP BY m, hospital_id ORDER BY m, hospital_id");
        List<MonthLine> out = new ArrayList<>();
        try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new MonthLine(nz(r.getString(1)), r.getString(2), r.getLong(3), r.getDouble(4), r.getLong(5),
                        r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11),
                        r.getLong(12)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("计算月度预结算", e);
        }
    }

    /**
     * The insured cases by unit (an SQL expression over the settled columns: hospital_id, department, physician, drg,
     * grp): cases, payment and cost in fen, and the excess of drugs, consumables and examinations + laboratory tests
     * over the DRG standards of the latest HQD weight version (0 where a case's DRG has none), in yuan, and the same
     * sums over the cases that have a case cost ({@code case_costs}, hqd costing run); worst balance first.
     */
    public List<UnitSettlement> units(String unit, CaseFilter filter) {
        Bound sql = SettlementSql.with(rules, basis, costs, filter).add(", latest AS (" + CaseSql.LATEST_STANDARDS + ") SELECT s.u, count(*), "
                + "sum(payment_fen), sum(cost_fen), sum(drug_cost - coalesce(l.mean_drug_cost, drug_cost)), "
                + "sum(material_cost - coalesce(l.mean_consumable_cost, material_cost)), "
                + "sum(exam_lab_cost - coalesce(l.mean_exam_lab_cost, exam_lab_cost)), count(k.case_cost_fen), "
                + "coalesce(sum(payment_fen) FILTER (WHERE k.case_cost_fen IS NOT NULL), 0), "
                + "coalesce(sum(cost_fen) FILTER (WHERE k.case_cost_fen IS NOT NULL), 0), coalesce(sum(k.case_cost_fen), 0) "
                // the unit named over the settled columns alone, so that no joined column can make it ambiguous
                + "FROM (SELECT *, " + unit + " AS u FROM settled WHERE insured) s LEFT JOIN latest l ON l.drg = s.drg "
                + "LEFT JOIN (SELECT hospital_id AS costed_hospital, "
                + "record_id AS costed_record, cost AS case_cost_fen FROM case_costs) k ON k.costed_hospital = s.hospital_id "
                + "AND k.costed_record = s.record_id GROUP BY s.u ORDER BY sum(payment_fen) - sum(cost_fen), s.u");
        List<UnitSettlement> out = new ArrayList<>();
        try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new UnitSettlement(nz(r.getString(1)), r.getLong(2), r.getLong(3), r.getLong(4),
                        new double[] {r.getDouble(5), r.getDouble(6), r.getDouble(7)},
                        new Costed(r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("计算成本产出", e);
        }
    }

    /**
     * One unit's insured cases: payment and cost (charges) in fen; excess over the DRG standards (drugs, consumables,
     * exam+lab); and those of its cases that have a case cost from the cost accounting.
     */
    public record UnitSettlement(String unit, long cases, long paymentFen, long costFen, double[] excess,
                                 Costed costed) { }

    /** The cases of a unit with a case cost ({@code case_costs}): count, their payment, charges and cost, in fen. */
    public record Costed(long cases, long paymentFen, long chargesFen, long caseCostFen) { }

    /** The insured cases of the filter by hospital × group: what a 清算 shares the fund over. */
    public List<ClearingCell> cells(CaseFilter filter) {
        Bound sql = SettlementSql.with(rules, basis, costs, filter).add("SELECT hospital_id, coalesce(grp, ''), count(*), "
                + "sum(points), sum(payment_fen) FROM settled WHERE insured GROUP BY 1, 2 ORDER BY 1, 2");
        List<ClearingCell> out = new ArrayList<>();
        try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new ClearingCell(r.getString(1), r.getString(2), r.getLong(3), r.getDouble(4), r.getLong(5)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("汇总清算点数", e);
        }
    }

    /**
     * The total points and cost of the insured cases of the filter (neither depends on the point value): what a
     * budget-neutral point value (cost / points) is computed from.
     */
    public double[] insuredPointsAndCost(CaseFilter filter) {
        Bound sql = SettlementSql.with(rules, basis, costs, filter).add("SELECT coalesce(sum(points), 0), "
                + "coalesce(sum(cost_fen), 0) FROM settled WHERE insured");
        try (PreparedStatement s = prepare(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return new double[] {r.getDouble(1), r.getLong(2) / 100.0};
        } catch (SQLException e) {
            throw new StoreException("汇总结算点数", e);
        }
    }

    /** The statement with the SQL's parameters bound. */
    PreparedStatement prepare(Bound sql) throws SQLException {
        PreparedStatement s = dir.connection().prepareStatement(sql.text());
        try {
            sql.bind(s, 1);
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
