package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budgets of a generated province against its actual amounts, computed from the two files alone: a budget is
 * last year's actual grown by a planned few percent, and a year differs from its plan by a few percent either way,
 * so a hospital's budget over its actual of the year is close to 1, and a province shows hospitals near the time
 * progress with some ahead and some behind, on revenue and on spending.
 */
final class SyntheticBudgetPlanTest {
    static final int YEAR = 2024;
    static final GeneratorSettings SETTINGS = new GeneratorSettings(24, 6_000, 12, 29, YearMonth.of(YEAR, 1), 2);
    static final BudgetCatalog CATALOG = BudgetCatalog.standard();

    @TempDir
    static Path tmp;
    /** Hospital → kind → [annual budget, annual actual, actual of January–September] in fen. */
    static final Map<String, Map<BudgetKind, long[]>> sums = new TreeMap<>();

    @BeforeAll
    static void generate() throws IOException {
        Path generated = tmp.resolve("province");
        SyntheticProvince.standard().writeTo(SETTINGS, generated);
        Path out = tmp.resolve("budget");
        SyntheticBudget.writeTo(generated, YEAR, 7, out);
        add(CsvFiles.rows(out.resolve(SyntheticBudget.budgetFile(YEAR))), 0);
        add(CsvFiles.rows(out.resolve(SyntheticBudget.actualsFile(YEAR))), 1);
    }

    private static void add(List<Map<String, String>> rows, int at) {
        for (Map<String, String> r : rows) {
            BudgetKind kind = CATALOG.item(r.get("item")).orElseThrow().kind();
            long fen = new BigDecimal(r.get("amount")).movePointRight(2).longValueExact();
            long[] s = sums.computeIfAbsent(r.get("hospital_id"), k -> new TreeMap<>())
                    .computeIfAbsent(kind, k -> new long[3]);
            s[at] += fen;
            if (at == 1 && Integer.parseInt(r.get("month")) <= 9) {
                s[2] += fen;
            }
        }
    }

    /** Each hospital's annual budget over its annual actual of a kind. */
    private static List<Double> ratios(BudgetKind kind) {
        return sums.values().stream().map(m -> m.get(kind)).map(s -> (double) s[0] / s[1]).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
    }

    /**
     * Every hospital's budget over actual of a kind within [low, high], their median within [medianLow, medianHigh],
     * at least half within ±5 % of 1 (planned well), and some hospitals below {@code ahead} and some above
     * {@code behind}.
     */
    private static void plausible(BudgetKind kind, double low, double high, double medianLow, double medianHigh,
                                  double ahead, double behind) {
        List<Double> r = ratios(kind);
        assertThat(r).hasSize(24);
        assertThat(r).allSatisfy(x -> assertThat(x).isBetween(low, high));
        assertThat(median(r)).isBetween(medianLow, medianHigh);
        assertThat(r.stream().filter(x -> Math.abs(x - 1) <= 0.05).count()).isGreaterThanOrEqualTo(12);
        assertThat(r).anyMatch(x -> x < ahead).anyMatch(x -> x > behind);
    }

    @Test
    void revenue_budgetOverActual_withinAPlausibleBand() {
        // a plan of 2–6 % growth against a year 4 % worse to 8 % better (revenue is budgeted cautiously): 0.93–1.05;
        // a lax hospital's plan up to 12 % more optimistic, departments ±3 % apart: never outside 0.89–1.20. Some
        // hospitals earn more than planned (< 0.97), some well less (> 1.06)
        plausible(BudgetKind.REVENUE, 0.89, 1.20, 0.95, 1.05, 0.97, 1.06);
    }

    @Test
    void expenditure_budgetOverActual_withinAPlausibleBand() {
        // the same plan against a year ±5 %: 0.95–1.05; a lax hospital's spending planned up to 8 % short,
        // departments ±3 % apart: never outside 0.85–1.09. Some spend more than budgeted (< 0.98), some less (> 1.02)
        plausible(BudgetKind.EXPENDITURE, 0.85, 1.09, 0.95, 1.04, 0.98, 1.02);
    }

    @Test
    void september_mostHospitalsNearTheTimeProgress_someAheadSomeBehind() {
        for (BudgetKind kind : BudgetKind.values()) {
            // execution to September = actual of January–September / annual budget, against 9 / 12
            List<Double> gap = sums.values().stream().map(m -> m.get(kind)).map(s -> (double) s[2] / s[0] - 0.75)
                    .toList();
            assertThat(gap.stream().filter(g -> Math.abs(g) <= 0.05).count()).as(kind.name())
                    .isGreaterThanOrEqualTo(12);
            assertThat(gap).as(kind.name()).anyMatch(g -> g > 0).anyMatch(g -> g < -0.03);
        }
    }
}
