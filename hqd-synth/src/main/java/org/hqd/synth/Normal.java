package org.hqd.synth;

import java.util.SplittableRandom;

/**
 * Standard normal draws by Marsaglia's polar method, computed with {@link StrictMath} from the uniforms of a
 * {@link SplittableRandom}: unlike {@code nextGaussian()}, whose algorithm belongs to the JDK version, the same
 * seed gives the same numbers on every Java runtime. (The generator uses StrictMath throughout for that reason; the
 * logarithm is {@link StrictLog}, StrictMath's own algorithm in Java, which the JIT can inline.)
 */
final class Normal {
    private Normal() {
    }

    /** A standard normal number (mean 0, standard deviation 1). */
    static double draw(SplittableRandom r) {
        while (true) {
            double u = 2.0 * r.nextDouble() - 1.0;
            double v = 2.0 * r.nextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2.0 * StrictLog.log(s) / s);
            }
        }
    }
}
