package org.hqd.store.dip;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.hqd.casemix.dip.DipCase;
import org.hqd.casemix.dip.DipCatalog;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.query.CaseFilter;

/**
 * Unit metrics on DIP (DESIGN §3.2, §3.4): every case of the filter is grouped into the latest DIP catalogue by
 * the core; per unit the DIP-grouped cases, total and mean score (the DIP counterpart of total weight and CMI),
 * cost, and payment = point value × score with its balance.
 */
public final class DipUnitScores {
    /** One unit's DIP figures; cases without a group in the catalogue are counted in {@code cases} only. */
    public record Line(String unit, long cases, long grouped, double totalScore, double meanScore, double cost,
                       double payment, double balance) { }

    /** What a unit is. */
    public enum Level {
        HOSPITAL("hospital_id"),
        DEPARTMENT("hospital_id || '/' || coalesce(department, '')"),
        PHYSICIAN("hospital_id || '/' || coalesce(attending_physician, '')");

        private final String expression;

        Level(String expression) {
            this.expression = expression;
        }
    }

    private final DataDirectory dir;

    public DipUnitScores(DataDirectory dir) {
        this.dir = dir;
    }

    /**
     * The units' DIP figures at this point value (yuan per point); a point value ≤ 0 means budget-neutral: total
     * cost / total score of the DIP-grouped cases of the filter.
     */
    public List<Line> run(Level level, CaseFilter filter, double pointValue, Predicate<String> orProcedure,
                          DipParameters p) {
        DipCatalog catalogue = DipCatalog.of(new DipStore(dir).current(), orProcedure, p);
        Map<String, double[]> units = new TreeMap<>(); // cases, grouped, score, cost, cost of grouped
        String sql = "SELECT " + level.expression + ", principal_dx, principal_proc, other_procs, total_cost "
                + "FROM case_records WHERE principal_dx IS NOT NULL AND " + CaseFilter.PERIOD_SQL + " AND "
                + CaseFilter.HOSPITAL_SQL;
        try (PreparedStatement s = dir.connection().prepareStatement(sql)) {
            filter.bindHospital(s, filter.bindPeriod(s, 1));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    double cost = r.getDouble(5);
                    double[] u = units.computeIfAbsent(r.getString(1), k -> new double[5]);
                    u[0]++;
                    u[3] += cost;
                    var g = catalogue.group(new DipCase(r.getString(2), DipStore.procedures(r.getString(3),
                            r.getString(4)), cost));
                    if (g.isPresent()) {
                        u[1]++;
                        u[2] += g.get().score();
                        u[4] += cost;
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("计算 DIP 分值", e);
        }
        double rate = pointValue;
        if (rate <= 0) {
            double score = units.values().stream().mapToDouble(u -> u[2]).sum();
            double cost = units.values().stream().mapToDouble(u -> u[4]).sum();
            rate = score == 0 ? 0 : cost / score;
        }
        List<Line> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : units.entrySet()) {
            double[] u = e.getValue();
            double payment = rate * u[2];
            out.add(new Line(e.getKey(), (long) u[0], (long) u[1], u[2], u[1] == 0 ? 0 : u[2] / u[1], u[3], payment,
                    payment - u[4]));
        }
        return out;
    }

    /** The budget-neutral point value these lines were paid at, or the given one. */
    public static double pointValue(List<Line> lines) {
        double score = lines.stream().mapToDouble(Line::totalScore).sum();
        double payment = lines.stream().mapToDouble(Line::payment).sum();
        return score == 0 ? 0 : payment / score;
    }
}
