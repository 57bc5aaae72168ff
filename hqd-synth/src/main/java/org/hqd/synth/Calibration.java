package org.hqd.synth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hqd.hospital.HospitalType;

/**
 * Calibrates every hospital of a province against its tier's targets ({@link TierTargets}): its case mix, its
 * share of the province's discharges, its lengths of stay and its charge structure, so that each hospital's
 * expected CMI, average length of stay and share of medical-service revenue lie where its {@link Hospital.Leans}
 * put them — some above a target, some below.
 *
 * <p>CMI: the weights of a province average 1 over its cases, so the hospitals' CMIs, weighted by their discharges,
 * must too. A hospital's target is its tier's target × exp(0.12 × lean) (general hospitals; other types 0.85 of
 * it; county hospitals 0.82 of it, spread 0.20); its mix is its kind's {@link CaseMix#weights} tilted by RW^θ, θ
 * solved so the mix reaches the target; its share of discharges is beds × tier volume × (its tier and type's CMI
 * target)^−λ, λ solved so the CMIs average 1. The expected RW of a group is its base cost × the cost level of the
 * hospitals that treat it, over the province mean; a few rounds make mixes, volumes and weights agree.
 *
 * <p>Stay: a general or TCM hospital's factor on the groups' mean stays makes its expected average stay (day
 * surgery counted as one day) the tier's target × exp(0.1 × lean); maternal-child and specialty hospitals keep
 * their field's stays. Charges: a factor on the service categories makes the expected share of medical-service
 * revenue the tier's target × exp(0.12 × lean). Day surgery: the share of its eligible stays done as day surgery
 * makes day-surgery stays the tier's target × exp(0.3 × lean) of its stays with a procedure.
 */
final class Calibration {
    private static final double CMI_SPREAD = 0.12;
    /**
     * County hospitals: their mean CMI against their tier's target, and its spread. A province's weights average 1
     * over its own cases, so hospitals of every tier cannot all sit around targets set on national weights unless
     * the centres treat few patients; county hospitals lighter on average (most miss the target, a few meet it)
     * let the centres discharge the most, as they do.
     */
    private static final double COUNTY_CMI_SCALE = 0.82;
    private static final double COUNTY_CMI_SPREAD = 0.20;
    private static final double ALOS_SPREAD = 0.10;
    private static final double SERVICE_SPREAD = 0.12;
    private static final double DAY_SURGERY_SPREAD = 0.30;
    /** The most of its eligible operations a hospital does as day surgery. */
    private static final double MAX_DAY_SURGERY = 0.9;
    private static final int ROUNDS = 5;

    private final CaseMix[] mixes;
    private final double[] volumes;
    private final double[] losFactors;
    private final double[] serviceFactors;
    private final double[] expectedCmi;
    private final double[] daySurgeryRates;

    private Calibration(CaseMix[] mixes, double[] volumes, double[] losFactors, double[] serviceFactors,
                        double[] expectedCmi, double[] daySurgeryRates) {
        this.daySurgeryRates = daySurgeryRates;
        this.mixes = mixes;
        this.volumes = volumes;
        this.losFactors = losFactors;
        this.serviceFactors = serviceFactors;
        this.expectedCmi = expectedCmi;
    }

    static Calibration of(List<DrgGroup> groups, double[] popularity, List<Hospital> hospitals, TierTargets targets) {
        int n = hospitals.size();
        int g = groups.size();
        Map<List<Object>, Integer> kinds = new HashMap<>();
        List<double[]> kindWeights = new java.util.ArrayList<>();
        int[] kindOf = new int[n];
        double[][] base = new double[n][];
        double[] cmiTarget = new double[n];
        double[] level = new double[n];
        double[] size = new double[n];
        double[] kindCmi = new double[n];
        for (Hospital h : hospitals) {
            int i = h.index();
            kindOf[i] = kinds.computeIfAbsent(List.of(h.tier(), h.type(), h.specialty()), k -> {
                kindWeights.add(normalised(CaseMix.weights(groups, popularity, h.tier(), h.type(), h.specialty())));
                return kindWeights.size() - 1;
            });
            base[i] = kindWeights.get(kindOf[i]);
            double typeScale = h.type() == HospitalType.GENERAL ? 1.0 : 0.85;
            boolean county = h.tier() == org.hqd.hospital.HospitalTier.COUNTY;
            kindCmi[i] = targets.cmi(h.tier()) * typeScale * (county ? COUNTY_CMI_SCALE : 1.0);
            cmiTarget[i] = kindCmi[i] * StrictMath.exp((county ? COUNTY_CMI_SPREAD : CMI_SPREAD) * h.leans().cmi());
            TierTraits t = TierTraits.of(h.tier());
            level[i] = t.cost() * h.costFactor();
            size[i] = h.beds() * t.volume();
        }
        double[] cost = new double[g];
        for (int k = 0; k < g; k++) {
            cost[k] = groups.get(k).norms().baseCost();
        }
        double[] rw = normalisedMean(cost, base, size, level);
        Map<String, double[]> tilted = new HashMap<>();
        double[][] mix = new double[n][];
        double[] cmi = new double[n];
        double[] volume = size.clone();
        for (int round = 0; round < ROUNDS; round++) {
            tilted.clear();
            // the distinct tilts of the round (hospitals of a kind with nearly the same target share one), each a
            // pure function of its inputs: computed in parallel, then handed out in hospital order
            Map<String, Integer> first = new java.util.LinkedHashMap<>();
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                keys[i] = kindOf[i] + ":" + Math.round(StrictMath.log(cmiTarget[i]) / 0.002);
                first.putIfAbsent(keys[i], i);
            }
            double[] w = rw;
            List<double[]> made = first.values().parallelStream()
                    .map(i -> tilt(base[i], w, cmiTarget[i])).toList();
            int at = 0;
            for (String key : first.keySet()) {
                tilted.put(key, made.get(at++));
            }
            for (int i = 0; i < n; i++) {
                mix[i] = tilted.get(keys[i]);
                cmi[i] = dot(mix[i], rw);
            }
            volume = volumes(size, kindCmi, cmi);
            double[] expected = new double[g];
            double[] weight = new double[g];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < g; k++) {
                    double v = volume[i] * mix[i][k];
                    weight[k] += v;
                    expected[k] += v * level[i];
                }
            }
            double total = 0;
            double cases = 0;
            for (int k = 0; k < g; k++) {
                double mean = weight[k] > 0 ? cost[k] * expected[k] / weight[k] : cost[k];
                rw[k] = mean;
                total += weight[k] * mean;
                cases += weight[k];
            }
            for (int k = 0; k < g; k++) {
                rw[k] /= total / cases;
            }
        }
        CaseMix[] mixes = new CaseMix[n];
        Map<double[], CaseMix> shared = new java.util.IdentityHashMap<>();
        double[] los = new double[n];
        double[] service = new double[n];
        double[] day = new double[n];
        double[] withProcedure = new double[g];
        for (int k = 0; k < g; k++) {
            withProcedure[k] = groups.get(k).procedureShare();
        }
        for (Hospital h : hospitals) {
            int i = h.index();
            mixes[i] = shared.computeIfAbsent(mix[i], m -> new CaseMix(groups, m));
            cmi[i] = dot(mix[i], rw);
            day[i] = daySurgeryRate(groups, withProcedure, mix[i], targets.daySurgery(h.tier())
                    * StrictMath.exp(DAY_SURGERY_SPREAD * h.leans().daySurgery()));
            los[i] = losFactor(groups, mix[i], h, targets, day[i]);
            service[i] = serviceFactor(groups, mix[i], h, targets.serviceShare(h.tier())
                    * StrictMath.exp(SERVICE_SPREAD * h.leans().service()));
        }
        return new Calibration(mixes, volume, los, service, cmi, day);
    }

    /** The case mix of hospital {@code index}. */
    CaseMix mix(int index) {
        return mixes[index];
    }

    /** The relative number of discharges of every hospital, by index. */
    double[] volumes() {
        return volumes.clone();
    }

    /** The factor on the groups' mean stays in hospital {@code index}. */
    double losFactor(int index) {
        return losFactors[index];
    }

    /** The factor on the weights of the medical-service charge categories in hospital {@code index}. */
    double serviceFactor(int index) {
        return serviceFactors[index];
    }

    /** The share of its day-surgery-eligible stays that hospital {@code index} does as day surgery. */
    double daySurgeryRate(int index) {
        return daySurgeryRates[index];
    }

    /** The CMI the mix of hospital {@code index} is expected to give. */
    double expectedCmi(int index) {
        return expectedCmi[index];
    }

    /** The mix b × rw^θ (normalised) whose mean rw is the target, θ within [−4, 4]. */
    static double[] tilt(double[] b, double[] rw, double target) {
        double[] logRw = new double[rw.length];
        for (int k = 0; k < rw.length; k++) {
            logRw[k] = b[k] > 0 ? StrictMath.log(rw[k]) : 0;
        }
        double lo = -4;
        double hi = 4;
        for (int step = 0; step < 40; step++) {
            double mid = (lo + hi) / 2;
            if (below(b, rw, logRw, mid, target)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double theta = (lo + hi) / 2;
        double[] p = new double[b.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = b[k] > 0 ? b[k] * StrictMath.exp(theta * logRw[k]) : 0;
        }
        return normalised(p);
    }

    /**
     * Whether the mean rw of the mix tilted by {@code theta} is below {@code target}, exactly as {@link #mean} with
     * {@link StrictMath} decides it. The mean is first computed with {@link Math#exp} (an intrinsic, several times
     * faster than StrictMath's software exp; each term within 2 ulps of it, so the mean of positive terms within
     * about 1e-15 of its relative value): only when that mean lies within 1e-9 of the target, where the two could
     * disagree, is the StrictMath mean computed. The bisection's steps, hence the mixes and every generated row, are
     * those of StrictMath alone.
     */
    private static boolean below(double[] b, double[] rw, double[] logRw, double theta, double target) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < b.length; k++) {
            if (b[k] > 0) {
                double w = b[k] * Math.exp(theta * logRw[k]);
                num += w * rw[k];
                den += w;
            }
        }
        double fast = num / den;
        if (Math.abs(fast - target) > 1e-9 * target) {
            return fast < target;
        }
        return mean(b, rw, logRw, theta) < target;
    }

    private static double mean(double[] b, double[] rw, double[] logRw, double theta) {
        double num = 0;
        double den = 0;
        for (int k = 0; k < b.length; k++) {
            if (b[k] > 0) {
                double w = b[k] * StrictMath.exp(theta * logRw[k]);
                num += w * rw[k];
                den += w;
            }
        }
        return num / den;
    }

    /**
     * Volumes size × kind^−λ, λ within [−6, 6] such that the volume-weighted CMI is 1: the exponent applies to the
     * CMI target of the hospital's tier and type, not to its own, so that within a tier volume follows beds alone
     * (a hospital's lean does not cost it patients) and a bigger centre discharges more than a smaller one.
     */
    private static double[] volumes(double[] size, double[] kind, double[] cmi) {
        double lo = -6;
        double hi = 6;
        for (int step = 0; step < 50; step++) {
            double mid = (lo + hi) / 2;
            if (weightedMean(size, kind, cmi, mid) > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double lambda = (lo + hi) / 2;
        double[] v = new double[size.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = size[i] * StrictMath.pow(kind[i], -lambda);
        }
        return v;
    }

    private static double weightedMean(double[] size, double[] kind, double[] cmi, double lambda) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < size.length; i++) {
            double v = size[i] * StrictMath.pow(kind[i], -lambda);
            num += v * cmi[i];
            den += v;
        }
        return num / den;
    }

    /** Base costs over their mean under the base mixes: a first estimate of the weights. */
    private static double[] normalisedMean(double[] cost, double[][] base, double[] size, double[] level) {
        double total = 0;
        double cases = 0;
        for (int i = 0; i < base.length; i++) {
            total += size[i] * level[i] * dot(base[i], cost);
            cases += size[i];
        }
        double mean = total / cases;
        double[] rw = new double[cost.length];
        for (int k = 0; k < rw.length; k++) {
            rw[k] = cost[k] / mean;
        }
        return rw;
    }

    /**
     * The share of eligible stays done as day surgery that makes day-surgery stays the {@code target} share of the
     * stays with a procedure (the indicator 日间手术占手术患者比例), at most {@value #MAX_DAY_SURGERY}.
     */
    private static double daySurgeryRate(List<DrgGroup> groups, double[] procedureShares, double[] p, double target) {
        double withProcedure = 0;
        double eligible = 0;
        for (int k = 0; k < p.length; k++) {
            DrgGroup g = groups.get(k);
            withProcedure += p[k] * procedureShares[k];
            eligible += StayGenerator.daySurgeryEligible(g) ? p[k] : 0;
        }
        return eligible > 0 ? Math.min(MAX_DAY_SURGERY, target * withProcedure / eligible) : 0;
    }

    private static double losFactor(List<DrgGroup> groups, double[] p, Hospital h, TierTargets targets,
                                    double daySurgeryRate) {
        TierTraits t = TierTraits.of(h.tier());
        if (h.type() == HospitalType.MATERNAL_CHILD || h.type() == HospitalType.SPECIALTY) {
            return StrictMath.exp(0.06 * h.leans().alos());
        }
        double target = targets.alos(h.tier()) * StrictMath.exp(ALOS_SPREAD * h.leans().alos());
        double fixed = 0;
        double scaled = 0;
        for (int k = 0; k < p.length; k++) {
            DrgGroup g = groups.get(k);
            double day = StayGenerator.daySurgeryEligible(g) ? daySurgeryRate : 0;
            fixed += p[k] * day;
            scaled += p[k] * (1 - day) * g.norms().meanLos() * t.los();
        }
        return Math.max(0.5, Math.min(2.0, (target - fixed) / scaled));
    }

    private static double serviceFactor(List<DrgGroup> groups, double[] p, Hospital h, double target) {
        double[] byKind = new double[GroupKind.values().length];
        for (int k = 0; k < p.length; k++) {
            DrgGroup g = groups.get(k);
            byKind[g.kind().ordinal()] += p[k] * g.norms().baseCost();
        }
        boolean tcm = h.type() == HospitalType.TCM;
        double lo = 0.1;
        double hi = 10;
        for (int step = 0; step < 50; step++) {
            double mid = StrictMath.sqrt(lo * hi);
            double share = 0;
            double sum = 0;
            for (GroupKind kind : GroupKind.values()) {
                share += byKind[kind.ordinal()] * ChargeSplitter.expectedServiceShare(kind, tcm, mid);
                sum += byKind[kind.ordinal()];
            }
            if (share / sum < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return StrictMath.sqrt(lo * hi);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[] normalised(double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double[] p = new double[w.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = w[k] / sum;
        }
        return p;
    }
}
