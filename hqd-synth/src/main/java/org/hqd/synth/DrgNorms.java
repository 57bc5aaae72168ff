package org.hqd.synth;

/**
 * The norms of one DRG in a synthetic province: the typical cost of a stay in a city tertiary hospital of average
 * efficiency, the mean length of stay and the in-hospital mortality. Common ADRGs take their cost and stay from the
 * bundled ranges of {@link AdrgNorms}; the others follow the group's MDC, kind and ADRG letter. A variation per
 * ADRG (a hash of its code, the same in every run) is shared by its DRGs, and the complication split multiplies:
 * so within an ADRG the group with an MCC is dearer and longer than the one with a CC, and that one than the group
 * without, as national weights are. Deaths concentrate in groups with an MCC and in the MDCs of severe illness;
 * groups without complication of the benign MDCs have none.
 *
 * @param baseCost  yuan
 * @param meanLos   days
 * @param deathRate probability that a stay ends in death (离院方式 5)
 */
record DrgNorms(double baseCost, double meanLos, double deathRate) {

    static DrgNorms of(String drg, GroupKind kind, Complication complication) {
        char mdc = drg.charAt(0);
        String adrg = drg.substring(0, Math.min(3, drg.length()));
        long h = Seeds.ofText(adrg);
        double deathNoise = StrictMath.exp(0.5 * Seeds.gaussian(Seeds.mix(h + 1)));
        double cost;
        double los;
        var anchor = AdrgNorms.of(adrg);
        if (anchor.isPresent()) {
            cost = anchor.get().cost();
            los = anchor.get().los();
        } else {
            cost = kindCost(kind) * mdcCost(mdc) * complexity(kind, drg.charAt(1))
                    * StrictMath.exp(0.25 * Seeds.gaussian(h));
            los = Math.max(1.5, kindLos(kind) * mdcLos(mdc) * StrictMath.exp(0.15 * Seeds.gaussian(Seeds.mix(h))));
        }
        double death = complicationDeath(complication, mdc) * kindDeath(kind) * mdcDeath(mdc) * deathNoise;
        return new DrgNorms(cost * complicationCost(complication), los * complicationLos(complication),
                Math.min(0.2, death));
    }

    private static double kindCost(GroupKind kind) {
        switch (kind) {
            case SURGICAL: return 12000;
            case NON_OR: return 8500;
            default: return 6500;
        }
    }

    /** Surgical ADRGs come in order of resource use inside an MDC: A and B are the heaviest operations. */
    private static double complexity(GroupKind kind, char second) {
        if (kind != GroupKind.SURGICAL) {
            return 1.0;
        }
        double[] byLetter = {3.2, 2.4, 1.8, 1.35, 1.1, 1.0, 0.9, 0.85, 0.8, 0.75};
        return byLetter[Math.min(9, Math.max(0, second - 'A'))];
    }

    private static double mdcCost(char mdc) {
        switch (mdc) {
            case 'A': return 6.0;
            case 'B': return 1.3;
            case 'C': return 0.7;
            case 'D': return 0.8;
            case 'F': return 1.3;
            case 'I': return 1.3;
            case 'O': return 0.6;
            case 'P': return 0.9;
            case 'R': return 1.1;
            case 'T': return 1.2;
            case 'U': return 0.9;
            case 'W': return 1.5;
            case 'X': return 1.6;
            case 'Y': return 1.3;
            case 'Z': return 1.6;
            default: return 1.0;
        }
    }

    /** Cost of the complication split against the group without complication. */
    private static double complicationCost(Complication c) {
        switch (c) {
            case MCC: return 1.75;
            case CC: return 1.3;
            case NONE: return 1.0;
            default: return 1.0;
        }
    }

    private static double kindLos(GroupKind kind) {
        switch (kind) {
            case SURGICAL: return 8.0;
            case NON_OR: return 6.0;
            default: return 7.0;
        }
    }

    private static double mdcLos(char mdc) {
        switch (mdc) {
            case 'A': return 2.2;
            case 'C': return 0.5;
            case 'O': return 0.6;
            case 'R': return 0.8;
            case 'T': return 4.0;
            case 'U': return 2.5;
            case 'W': return 1.6;
            case 'X': return 2.6;
            case 'Z': return 1.5;
            default: return 1.0;
        }
    }

    private static double complicationLos(Complication c) {
        switch (c) {
            case MCC: return 1.4;
            case CC: return 1.15;
            default: return 1.0;
        }
    }

    /** Groups without complication of the benign MDCs have no deaths: they are the groups of no risk. */
    private static double complicationDeath(Complication c, char mdc) {
        boolean severe = "ABEFGRSWZ".indexOf(mdc) >= 0;
        switch (c) {
            case MCC: return 0.035;
            case CC: return severe ? 0.0015 : 0.0002;
            case NONE: return severe ? 0.0001 : 0.0;
            default: return severe ? 0.001 : 0.0;
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
            case 'T':
            case 'U':
            case 'X': return 0.03;
            case 'O': return 0.01;
            case 'D':
            case 'J':
            case 'P': return 0.3;
            default: return 1.0;
        }
    }
}
