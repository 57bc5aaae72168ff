package org.hqd.casemix.abstracts;

import java.util.Arrays;

/**
 * The front-sheet fee classes and sub-items of one stay ({@link HomepageFee}), in yuan; {@code NaN} where not
 * given. An immutable value; {@link #NONE} when the stay came without them (a settlement list or a canonical file
 * without these columns).
 */
public final class HomepageFees {
    private static final int N = HomepageFee.values().length;
    /** No front-sheet fees known. */
    public static final HomepageFees NONE = new HomepageFees(nans());

    private final double[] amounts;

    private HomepageFees(double[] amounts) {
        this.amounts = amounts;
    }

    /** Fees from amounts in {@link HomepageFee} order ({@code NaN} = not given); the array is copied. */
    public static HomepageFees of(double... amounts) {
        if (amounts.length != N) {
            throw new IllegalArgumentException("expected " + N + " front-sheet fee amounts, got " + amounts.length);
        }
        boolean any = false;
        for (double a : amounts) {
            any |= !Double.isNaN(a);
        }
        return any ? new HomepageFees(amounts.clone()) : NONE;
    }

    /** The amount, or {@code NaN} when not given. */
    public double get(HomepageFee fee) {
        return amounts[fee.ordinal()];
    }

    /** Whether any amount is given. */
    public boolean isKnown() {
        return this != NONE;
    }

    private static double[] nans() {
        double[] a = new double[N];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HomepageFees f && Arrays.equals(amounts, f.amounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(amounts);
    }

    @Override
    public String toString() {
        return "HomepageFees" + Arrays.toString(amounts);
    }
}
