package org.hqd.synth;

import java.util.List;

/**
 * The 切口等级 (wound class), 切口愈合类别 (healing) and 麻醉方式 (anaesthesia) of each procedure of a stay, written as
 * the aligned columns {@code proc_wound_classes, proc_healing, proc_anaesthesia}. Only operations (procedures on
 * the national operation list) get them; the other procedures (chemotherapy, diagnostic procedures, …) are left
 * blank in each list.
 *
 * <p>Wound class by the stay's MDC: the MDCs whose operations open the digestive, respiratory, urinary or genital
 * tract or the mouth (D, E, G, H, L, M, N, O) are mostly Ⅱ类 (clean-contaminated, with some Ⅲ类), the others mostly
 * Ⅰ类 (clean); a few operations of each have no incision (0类). Healing: 丙 (infected) for about 0.6 % of Ⅰ类
 * incisions (twice that and more with a complication, and a per-hospital factor 0.4–1.8 so hospitals spread around
 * the national level), 1.5 % of Ⅱ类 and 6 % of Ⅲ类; 乙 about twice as often; 9 (其他) for 0类. Anaesthesia codes of
 * the national 麻醉方法代码: 1 全身麻醉, 21 椎管内麻醉, 22 神经及神经丛阻滞, 3 局部麻醉, 4 复合麻醉, by the kind of
 * operation (eye: local; caesarean section and delivery: spinal; orthopaedics: nerve block, spinal or general; …).
 *
 * <p>The draws come from a hash of the run's seed and the row, not from the stay's random source, so adding these
 * columns changed no other value of a seed's province.
 */
final class OperationDetails {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final byte[][] ANAESTHESIA = {CsvBytes.utf8("1"), CsvBytes.utf8("21"), CsvBytes.utf8("22"),
        CsvBytes.utf8("3"), CsvBytes.utf8("4")};
    private static final int GENERAL = 0;
    private static final int SPINAL = 1;
    private static final int BLOCK = 2;
    private static final int LOCAL = 3;
    private static final int COMBINED = 4;
    /** Chance of 丙 healing (surgical-site infection) of a Ⅰ类 incision without complication, hospital factor apart. */
    static final double CLEAN_INFECTION = 0.006;

    private final long key;
    private final double[] infectionFactor;

    OperationDetails(List<Hospital> hospitals, long seed) {
        key = Seeds.of(seed, Seeds.OPERATIONS, 0);
        infectionFactor = new double[hospitals.size()];
        for (Hospital h : hospitals) {
            infectionFactor[h.index()] = 0.4 + 1.4 * Seeds.unit(Seeds.of(seed, Seeds.OPERATIONS, h.index() + 1));
        }
    }

    /** Writes the three columns (and the commas between them, not after the last) for stay {@code s}. */
    void write(Stay s, CsvBytes out) {
        boolean[] ops = s.template.operations();
        int n = ops.length;
        char mdc = s.group.mdc();
        boolean contaminated = "DEGHLMNO".indexOf(mdc) >= 0;
        double risk = s.group.complication() == Complication.MCC ? 2.5
                : s.group.complication() == Complication.CC ? 1.5 : 1.0;
        long base = Seeds.mix(key + GOLDEN * s.row);
        // wound classes, remembered as digits for the healing column
        int classes = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.ascii('|');
            }
            if (ops[i]) {
                double u = Seeds.unit(Seeds.mix(base + 3 * i));
                int c = u < 0.04 ? 0 : contaminated ? (u < 0.12 ? 1 : u < 0.94 ? 2 : 3) : (u < 0.92 ? 1 : 2);
                classes |= c << (2 * Math.min(i, 15));
                out.ascii((char) ('0' + c));
            }
        }
        out.comma();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.ascii('|');
            }
            if (ops[i]) {
                int c = i < 16 ? (classes >>> (2 * i)) & 3 : 1;
                double u = Seeds.unit(Seeds.mix(base + 3 * i + 1));
                double infected = c == 1 ? CLEAN_INFECTION * risk * infectionFactor[s.hospital.index()]
                        : c == 2 ? 0.015 * risk : 0.06 * risk;
                out.ascii(c == 0 ? '9' : u < infected ? '3' : u < 3 * infected ? '2' : '1');
            }
        }
        out.comma();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.ascii('|');
            }
            if (ops[i]) {
                double u = Seeds.unit(Seeds.mix(base + 3 * i + 2));
                out.bytes(ANAESTHESIA[anaesthesia(mdc, s.levels[i], u)]);
            }
        }
    }

    /** The anaesthesia (index into the codes) of an operation of grade {@code level} in a stay of MDC {@code mdc}. */
    static int anaesthesia(char mdc, int level, double u) {
        switch (mdc) {
            case 'C': return u < 0.80 ? LOCAL : u < 0.95 ? BLOCK : GENERAL;
            case 'O': return u < 0.85 ? SPINAL : u < 0.95 ? GENERAL : COMBINED;
            case 'I': return u < 0.35 ? BLOCK : u < 0.60 ? SPINAL : u < 0.95 ? GENERAL : COMBINED;
            case 'L': case 'M': case 'N': return u < 0.30 ? SPINAL : u < 0.90 ? GENERAL : COMBINED;
            case 'J': return level <= 2 && u < 0.45 ? LOCAL : u < 0.92 ? GENERAL : COMBINED;
            default: return level <= 1 && u < 0.5 ? LOCAL : u < 0.88 ? GENERAL : u < 0.96 ? COMBINED : LOCAL;
        }
    }
}
