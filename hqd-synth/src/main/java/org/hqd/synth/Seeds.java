package org.hqd.synth;

/**
 * The seed arithmetic of the generator: SplitMix64 mixing, so that every random stream (the register, each block
 * of abstracts, each hospital's reports) is a pure function of the run's seed and the stream's index, whatever the
 * number of threads.
 */
final class Seeds {
    /** Stream of the hospital register. */
    static final int REGISTER = 1;
    /** Streams of the blocks of abstracts, one per block index. */
    static final int BLOCKS = 2;
    /** Streams of the facility reports, one per hospital. */
    static final int FACILITY = 3;
    /** Streams of the physicians of a hospital, one per hospital. */
    static final int PHYSICIANS = 4;
    /** Stream of the DRG popularity ranking. */
    static final int POPULARITY = 5;
    /** Streams of a hospital's synthetic budget and actuals ({@link SyntheticBudget}), one per hospital. */
    static final int BUDGET = 6;
    /** Streams of the budget factors of a hospital's department × item lines, one per line. */
    static final int BUDGET_LINES = 7;
    /** Stream of each hospital's day-surgery lean. */
    static final int DAY_SURGERY = 8;
    /** Stream of each hospital's budget discipline. */
    static final int BUDGET_DISCIPLINE = 9;
    /** Stream of the operations' wound class, healing and anaesthesia (hashed per row) and hospitals' infection levels. */
    static final int OPERATIONS = 10;
    /** Streams of the yearly hospital reports, one per hospital. */
    static final int ANNUAL = 11;
    /** Stream of each hospital's planned budget growth, one per hospital and budget kind ({@link BudgetPlan}). */
    static final int BUDGET_GROWTH = 12;
    /** Stream of how each hospital's year turned out against its plan, one per hospital and budget kind. */
    static final int BUDGET_SURPRISE = 13;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The SplitMix64 finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of item {@code index} of stream {@code stream} of a run with seed {@code seed}. */
    static long of(long seed, int stream, long index) {
        return mix(mix(seed + GOLDEN * stream) + GOLDEN * (index + 1));
    }

    /** A hash of a text, stable across runs and JVMs (not {@link String#hashCode()} alone). */
    static long ofText(String text) {
        long h = 0x6A09E667F3BCC909L;
        for (int i = 0; i < text.length(); i++) {
            h = mix(h + text.charAt(i));
        }
        return h;
    }

    /** A uniform number in [0, 1) from the high bits of a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }

    /** A standard normal number from a hash (Box–Muller over two derived uniforms). */
    static double gaussian(long hash) {
        double u1 = 1.0 - unit(hash);
        double u2 = unit(mix(hash + GOLDEN));
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
