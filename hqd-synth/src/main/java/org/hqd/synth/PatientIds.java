package org.hqd.synth;

/**
 * Synthetic patient ids (患者标识): {@code P} and twelve digits that look random but are a bijection of the
 * patient's number for a given key (a three-round Feistel network over two six-digit halves), so two patients
 * never share an id.
 */
final class PatientIds {
    private static final long HALF = 1_000_000L;

    private PatientIds() {
    }

    /** The twelve-digit code of patient {@code number} (0 ≤ number < 10¹²). */
    static long code(long number, long key) {
        long left = number / HALF;
        long right = number % HALF;
        for (int round = 0; round < 3; round++) {
            long f = Math.floorMod(Seeds.mix(right ^ (key + round)), HALF);
            long next = (left + f) % HALF;
            left = right;
            right = next;
        }
        return left * HALF + right;
    }
}
