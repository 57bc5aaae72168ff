package org.hqd.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template a budget is compiled from (编制): last year's actual amounts of each department, item and month
 * grown by a rate, with the items the cases forecast (inpatient revenue by charge category) taken from the case
 * forecast instead. Amounts are rounded to whole yuan.
 */
public final class BudgetTemplate {
    private BudgetTemplate() {
    }

    /**
     * @param lastYear      last year's actual lines (any year; they are moved to {@code year})
     * @param growth        the growth rate applied to last year's actuals (0.05 = +5 %)
     * @param caseForecast  lines forecast from cases; each replaces last year's line of the same department, item and month
     */
    public static List<BudgetLine> compile(String hospital, int year, List<BudgetLine> lastYear, double growth,
                                           List<BudgetLine> caseForecast) {
        Map<String, BudgetLine> out = new LinkedHashMap<>();
        for (BudgetLine l : lastYear) {
            BudgetLine grown = new BudgetLine(hospital, year, l.department(), l.item(), l.month(),
                    roundYuan(l.fen() * (1 + growth)));
            out.merge(key(grown), grown, (a, b) -> new BudgetLine(hospital, year, a.department(), a.item(), a.month(),
                    a.fen() + b.fen()));
        }
        for (BudgetLine f : caseForecast) {
            BudgetLine moved = new BudgetLine(hospital, year, f.department(), f.item(), f.month(), roundYuan(f.fen()));
            out.put(key(moved), moved);
        }
        return new ArrayList<>(out.values());
    }

    private static String key(BudgetLine l) {
        return l.department() + "\u0001" + l.item() + "\u0001" + l.month();
    }

    /** Fen rounded to whole yuan (half up). */
    static long roundYuan(double fen) {
        return Math.round(fen / 100.0) * 100;
    }
}
