package org.hqd.synth;

import org.hqd.budget.BudgetKind;

/**
 * How a synthetic hospital planned its budget of the year, as the budget's factor over the year's actual amounts
 * ({@link SyntheticBudget}: the actuals are what the cases and facility reports give; the budget is derived from them).
 *
 * <p>A hospital plans each kind (revenue, expenditure) from the same basis its actuals come from: last year's actual,
 * grown by a planned growth of {@value #MIN_PLANNED_GROWTH}–{@value #MAX_PLANNED_GROWTH}. The year then grows by the
 * planned growth plus a surprise (its own draw per hospital and kind): revenue {@value #MIN_REVENUE_SURPRISE} to
 * +{@value #MAX_REVENUE_SURPRISE} (revenue is budgeted cautiously, 收入预算积极稳妥, so a year more often brings a
 * little more than planned), expenditure ±{@value #EXPENDITURE_SURPRISE}. So last year's actual is this year's
 * divided by (1 + realised growth), and the budget over the year's actual is (1 + planned) / (1 + planned +
 * surprise): about 0.93–1.05, most hospitals close to their plan, some ahead, some behind. A lax hospital
 * ({@code laxity} 1) plans revenue {@value #LAX_REVENUE_OPTIMISM} higher and expenditure
 * {@value #LAX_EXPENDITURE_SHORTFALL} lower than that. Each department × item line spreads by at most
 * ±{@value #LINE_SPREAD} around its hospital's factor (departments plan unevenly).
 *
 * <p>Draws are hashes of the seed, the hospital and the line (no random stream), so the actuals are untouched.
 */
final class BudgetPlan {
    /** Lowest and highest planned growth over last year's actual. */
    static final double MIN_PLANNED_GROWTH = 0.02;
    static final double MAX_PLANNED_GROWTH = 0.06;
    /** How much the realised growth of revenue differs from the planned one: from the first to the second. */
    static final double MIN_REVENUE_SURPRISE = -0.04;
    static final double MAX_REVENUE_SURPRISE = 0.08;
    /** How much the realised growth of expenditure differs from the planned one, at most, either way. */
    static final double EXPENDITURE_SURPRISE = 0.05;
    /** A line's factor differs from its hospital's by at most this share, either way. */
    static final double LINE_SPREAD = 0.03;
    /**
     * A lax hospital (laxity 1) plans revenue this much higher and expenditure this much lower (as growth). The
     * laxity is the square of a uniform draw ({@link SyntheticBudget}): most plan well, a few badly.
     */
    static final double LAX_REVENUE_OPTIMISM = 0.12;
    static final double LAX_EXPENDITURE_SHORTFALL = 0.08;

    private BudgetPlan() {
    }

    /** The factor of a hospital's budget of a kind over its actual, before the lines' spread. */
    static double hospitalFactor(long seed, String hospital, BudgetKind kind, double laxity) {
        long h = Seeds.ofText(hospital + "\u0001" + kind.name());
        double planned = MIN_PLANNED_GROWTH
                + (MAX_PLANNED_GROWTH - MIN_PLANNED_GROWTH) * Seeds.unit(Seeds.of(seed, Seeds.BUDGET_GROWTH, h));
        double u = Seeds.unit(Seeds.of(seed, Seeds.BUDGET_SURPRISE, h));
        double surprise = kind == BudgetKind.REVENUE
                ? MIN_REVENUE_SURPRISE + (MAX_REVENUE_SURPRISE - MIN_REVENUE_SURPRISE) * u
                : EXPENDITURE_SURPRISE * (2 * u - 1);
        double bias = kind == BudgetKind.REVENUE ? LAX_REVENUE_OPTIMISM * laxity : -LAX_EXPENDITURE_SHORTFALL * laxity;
        return (1 + planned + bias) / (1 + planned + surprise);
    }

    /** The factor of one department × item line: its hospital's factor spread by the line's own draw. */
    static double lineFactor(long seed, String hospital, String department, String item, double hospitalFactor) {
        long line = Seeds.ofText(hospital + "\u0001" + department + "\u0001" + item);
        double u = Seeds.unit(Seeds.of(seed, Seeds.BUDGET_LINES, line));
        return hospitalFactor * (1 + LINE_SPREAD * (2 * u - 1));
    }
}
