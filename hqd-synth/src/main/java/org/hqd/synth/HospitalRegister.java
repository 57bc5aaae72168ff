package org.hqd.synth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.HospitalType;

/**
 * The hospital register of the synthetic province 示例省 ({@link ExampleDivisions}): a realistic mix of tiers (a few
 * national centres, most hospitals county and city tertiary ones; every tier present from five hospitals on, at
 * least two of each from twelve on), types, places and sizes. National and provincial hospitals stand in the capital
 * 甲市 or lead another city; city tertiary hospitals stand in their city's seat; county hospitals in the counties.
 * Hospitals are listed by tier, highest first. The first two of a tier are general hospitals, one leaning above
 * its tier's targets and one below, so that every tier of a province of twelve hospitals or more has hospitals that meet the
 * targets and hospitals that miss them; the others lean at random.
 */
final class HospitalRegister {
    private static final double[] TIER_SHARES = {0.015, 0.03, 0.08, 0.28};
    private static final List<HospitalTier> SMALL_PROVINCE = List.of(HospitalTier.CITY_TERTIARY, HospitalTier.COUNTY,
            HospitalTier.PROVINCIAL_REGIONAL, HospitalTier.NATIONAL_REGIONAL);

    private HospitalRegister() {
    }

    /** The register of {@code count} hospitals for this seed. */
    static List<Hospital> build(int count, long seed) {
        SplittableRandom r = new SplittableRandom(Seeds.of(seed, Seeds.REGISTER, 0));
        HospitalNames names = new HospitalNames();
        int width = Math.max(4, Integer.toString(count).length());
        List<Hospital> hospitals = new ArrayList<>(count);
        Map<HospitalTier, Integer> counts = tierCounts(count);
        for (HospitalTier tier : HospitalTier.values()) {
            TierTraits traits = TierTraits.of(tier);
            for (int k = 0; k < counts.getOrDefault(tier, 0); k++) {
                int index = hospitals.size();
                HospitalType type = k < 2 ? HospitalType.GENERAL : type(tier, r);
                Specialty specialty = type == HospitalType.SPECIALTY ? specialty(r) : Specialty.NONE;
                HospitalNames.Level level = level(tier, r);
                City city = city(level, r);
                County county = county(level, city, r);
                String place = level == HospitalNames.Level.PROVINCE ? ExampleDivisions.PROVINCE_NAME
                        : level == HospitalNames.Level.CITY ? city.name() : county.hospitalPrefix(city);
                boolean university = tier == HospitalTier.NATIONAL_CENTER && type == HospitalType.GENERAL;
                String name = names.next(place, level, type, specialty, university);
                int beds = beds(traits, type, r);
                double cost = clamp(StrictMath.exp(0.10 * Normal.draw(r)), 0.8, 1.25);
                double readmission = 0.05 + 0.06 * r.nextDouble();
                r.nextDouble(); // the former day-surgery draw, kept so that the register stays as it was
                double day = clamp(Seeds.gaussian(Seeds.of(seed, Seeds.DAY_SURGERY, index)), -2, 2);
                Hospital.Leans leans = leans(k, r, day);
                String id = "H" + "0".repeat(width - Integer.toString(index + 1).length()) + (index + 1);
                hospitals.add(new Hospital(index, id, name, city, county, tier, type, specialty, beds, cost,
                        readmission, leans, Seeds.of(seed, Seeds.PHYSICIANS, index)));
            }
        }
        return List.copyOf(hospitals);
    }

    /**
     * The leans of the {@code k}-th hospital of a tier: the first above the targets (higher CMI, shorter stays,
     * more service revenue, more day surgery), the second below, the others drawn from a normal law cut at ±2
     * ({@code day}: the day-surgery lean, drawn apart).
     */
    private static Hospital.Leans leans(int k, SplittableRandom r, double day) {
        double cmi = clamp(Normal.draw(r), -2, 2);
        double alos = clamp(Normal.draw(r), -2, 2);
        double service = clamp(Normal.draw(r), -2, 2);
        if (k < 2) {
            double side = k == 0 ? 1 : -1;
            return new Hospital.Leans(side * (1.0 + 0.3 * Math.abs(cmi)), -side * (1.0 + 0.3 * Math.abs(alos)),
                    side * (1.0 + 0.3 * Math.abs(service)), side * (1.0 + 0.3 * Math.abs(day)));
        }
        return new Hospital.Leans(cmi, alos, service, day);
    }

    /** How many hospitals of each tier a province of {@code count} hospitals has. */
    static Map<HospitalTier, Integer> tierCounts(int count) {
        Map<HospitalTier, Integer> counts = new EnumMap<>(HospitalTier.class);
        if (count < 5) {
            for (int i = 0; i < count; i++) {
                counts.merge(SMALL_PROVINCE.get(i), 1, Integer::sum);
            }
            return counts;
        }
        int assigned = 0;
        HospitalTier[] tiers = HospitalTier.values();
        int least = count >= 12 ? 2 : 1;
        for (int i = 0; i < TIER_SHARES.length; i++) {
            int n = Math.max(least, (int) Math.round(count * TIER_SHARES[i]));
            counts.put(tiers[i], n);
            assigned += n;
        }
        counts.put(HospitalTier.COUNTY, count - assigned);
        return counts;
    }

    private static HospitalType type(HospitalTier tier, SplittableRandom r) {
        double[] w;
        switch (tier) {
            case NATIONAL_CENTER: w = new double[] {0.85, 0.05, 0.05, 0.05}; break;
            case NATIONAL_REGIONAL:
            case PROVINCIAL_REGIONAL: w = new double[] {0.6, 0.15, 0.1, 0.15}; break;
            case CITY_TERTIARY: w = new double[] {0.5, 0.2, 0.15, 0.15}; break;
            default: w = new double[] {0.55, 0.3, 0.15, 0.0}; break;
        }
        return HospitalType.values()[pick(w, r)];
    }

    private static Specialty specialty(SplittableRandom r) {
        return Specialty.values()[1 + pick(new double[] {0.35, 0.25, 0.2, 0.2}, r)];
    }

    private static HospitalNames.Level level(HospitalTier tier, SplittableRandom r) {
        switch (tier) {
            case NATIONAL_CENTER: return HospitalNames.Level.PROVINCE;
            case NATIONAL_REGIONAL: return r.nextDouble() < 0.5 ? HospitalNames.Level.PROVINCE : HospitalNames.Level.CITY;
            case PROVINCIAL_REGIONAL: return r.nextDouble() < 0.35 ? HospitalNames.Level.PROVINCE
                    : HospitalNames.Level.CITY;
            case CITY_TERTIARY: return HospitalNames.Level.CITY;
            default: return HospitalNames.Level.COUNTY;
        }
    }

    /** Provincial hospitals are in the capital; regional centres lead another city; others go by population. */
    private static City city(HospitalNames.Level level, SplittableRandom r) {
        List<City> cities = ExampleDivisions.CITIES;
        if (level == HospitalNames.Level.PROVINCE) {
            return cities.get(0);
        }
        double[] w = new double[cities.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = cities.get(i).weight();
        }
        return cities.get(pick(w, r));
    }

    private static County county(HospitalNames.Level level, City city, SplittableRandom r) {
        if (level == HospitalNames.Level.PROVINCE) {
            return city.counties().get(r.nextInt(2));
        }
        if (level == HospitalNames.Level.CITY) {
            return city.seat();
        }
        double[] w = new double[city.counties().size()];
        for (int i = 0; i < w.length; i++) {
            County c = city.counties().get(i);
            w[i] = c.kind() == County.Kind.DISTRICT ? 0.35 : 1.0;
        }
        return city.counties().get(pick(w, r));
    }

    private static int beds(TierTraits traits, HospitalType type, SplittableRandom r) {
        double size;
        switch (type) {
            case TCM: size = 0.65; break;
            case MATERNAL_CHILD: size = 0.45; break;
            case SPECIALTY: size = 0.55; break;
            default: size = 1.0; break;
        }
        double beds = (traits.minBeds() + r.nextDouble() * (traits.maxBeds() - traits.minBeds())) * size;
        return Math.max(60, (int) Math.round(beds / 10.0) * 10);
    }

    static int pick(double[] weights, SplittableRandom r) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
