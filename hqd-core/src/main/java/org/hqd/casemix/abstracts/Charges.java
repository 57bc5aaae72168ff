package org.hqd.casemix.abstracts;

import java.util.Arrays;

/** The amounts of the 14 charge categories of one stay, in yuan; an immutable value. */
public final class Charges {
    private static final int N = ChargeCategory.values().length;
    /** No charges known: every category is zero. */
    public static final Charges NONE = new Charges(new double[N]);

    private final double[] amounts;

    private Charges(double[] amounts) {
        this.amounts = amounts;
    }

    /** Charges from amounts in {@link ChargeCategory} order; the array is copied. */
    public static Charges of(double... amounts) {
        if (amounts.length != N) {
            throw new IllegalArgumentException("expected " + N + " charge amounts, got " + amounts.length);
        }
        return new Charges(amounts.clone());
    }

    public double get(ChargeCategory category) {
        return amounts[category.ordinal()];
    }

    /** Sum over all categories. */
    public double total() {
        double s = 0;
        for (double a : amounts) {
            s += a;
        }
        return s;
    }

    /** Drug charges: western + herbal + patent (药品费). */
    public double drugs() {
        return get(ChargeCategory.WESTERN_DRUG) + get(ChargeCategory.HERBAL) + get(ChargeCategory.PATENT_DRUG);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Charges c && Arrays.equals(amounts, c.amounts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(amounts);
    }

    @Override
    public String toString() {
        return "Charges" + Arrays.toString(amounts);
    }
}
