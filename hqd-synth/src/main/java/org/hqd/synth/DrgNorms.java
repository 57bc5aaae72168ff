package org.hqd.synth;

/**
 * The norms of one DRG in a synthetic province: the typical cost of a stay in a city tertiary hospital of average
 * efficiency, the mean length of stay and the in-hospital mortality. They follow the group's MDC, kind and
 * complication split, with a stable per-code variation (a hash of the code, the same in every run).
 *
 * @param baseCost  yuan
 * @param meanLos   days
 * @param deathRate probability that a stay ends in death (离院方式 5)
 */
record DrgNorms(double baseCost, double meanLos, double deathRate) {

    static DrgNorms of(String drg, GroupKind kind, Complication complication) {
        char mdc = drg.charAt(0);
        long h = Seeds.ofText(drg);
        double costNoise = StrictMath.exp(0.3 * Seeds.gaussian(h));
        double losNoise = StrictMath.exp(0.18 * Seeds.gaussian(Seeds.mix(h)));
        double deathNoise = StrictMath.exp(0.5 * Seeds.gaussian(Seeds.mix(h + 1)));
        double cost = kindCost(kind) * mdcCost(mdc) * complexity(kind, drg.charAt(1)) * complicationCost(complication);
        double los = kindLos(kind) * mdcLos(mdc) * complicationLos(complication);
        double death = complicationDeath(complication) * kindDeath(kind) * mdcDeath(mdc) * deathNoise;
        return new DrgNorms(cost * costNoise, Math.max(1.5, los * losNoise), Math.min(0.25, death));
    }

    private static double kindCost(GroupKind kind) {
        switch (kind) {
            case SURGICAL: return 21000;
            case NON_OR: return 12000;
            default: return 7200;
        }
    }

    /** Surgical ADRGs come in order of resource use inside an MDC: A and B are the heaviest operations. */
    private static double complexity(GroupKind kind, char second) {
        if (kind != GroupKind.SURGICAL) {
            return 1.0;
        }
        double[] byLetter = {2.3, 1.8, 1.5, 1.3, 1.15, 1.05, 1.0, 0.9, 0.85, 0.8};
        return byLetter[Math.min(9, Math.max(0, second - 'A'))];
    }

    private static double mdcCost(char mdc) {
        switch (mdc) {
            case 'A': return 4.5;
            case 'B': return 1.25;
            case 'C': return 0.55;
            case 'D': return 0.75;
            case 'F': return 1.35;
            case 'I': return 1.2;
            case 'O': return 0.45;
            case 'P': return 0.85;
            case 'R': return 1.1;
            case 'T': return 0.9;
            case 'U': return 0.7;
            case 'W': return 1.5;
            case 'X': return 0.7;
            case 'Y': return 1.3;
            case 'Z': return 1.6;
            default: return 1.0;
        }
    }

    private static double complicationCost(Complication c) {
        switch (c) {
            case MCC: return 1.7;
            case CC: return 1.25;
            case NONE: return 0.9;
            default: return 1.05;
        }
    }

    private static double kindLos(GroupKind kind) {
        switch (kind) {
            case SURGICAL: return 9.0;
            case NON_OR: return 6.5;
            default: return 7.2;
        }
    }

    private static double mdcLos(char mdc) {
        switch (mdc) {
            case 'A': return 2.2;
            case 'C': return 0.6;
            case 'O': return 0.55;
            case 'R': return 0.8;
            case 'T': return 2.5;
            case 'U': return 1.8;
            case 'W': return 1.6;
            case 'X': return 1.8;
            case 'Z': return 1.5;
            default: return 1.0;
        }
    }

    private static double complicationLos(Complication c) {
        switch (c) {
            case MCC: return 1.45;
            case CC: return 1.15;
            case NONE: return 0.85;
            default: return 1.0;
        }
    }

    private static double complicationDeath(Complication c) {
        switch (c) {
            case MCC: return 0.035;
            case CC: return 0.006;
            case NONE: return 0.0008;
            default: return 0.004;
        }
    }

    private static double kindDeath(GroupKind kind) {
        switch (kind) {
            case SURGICAL: return 0.6;
            case NON_OR: return 1.0;
            default: return 1.3;
        }
    }

    private static double mdcDeath(char mdc) {
        switch (mdc) {
            case 'A': return 4.0;
            case 'R': return 2.2;
            case 'B':
            case 'F': return 1.5;
            case 'E': return 1.4;
            case 'C':
            case 'M':
            case 'N':
            case 'T': return 0.05;
            case 'O': return 0.02;
            case 'D':
            case 'J':
            case 'P': return 0.3;
            case 'X': return 0.5;
            default: return 1.0;
        }
    }
}
