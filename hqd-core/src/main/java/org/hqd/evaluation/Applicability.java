package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.hospital.HospitalTier;

/*
 * An indicator set's scope. The national manuals assess each level with its own set: 三级公立医院绩效考核 the tertiary
 * hospitals, 二级公立医院绩效考核 the secondary ones. HQD's register knows tiers, not grades, so a set names the
 * tiers it applies to (header "# applies_to: CITY_TERTIARY, …") and what they are called ("# scope: 三级医院").
 * A set that names none applies to every hospital, those without a tier too; a set that names some does not apply
 * to a hospital without a tier (its level is not known).
 */
/** The hospitals an indicator set applies to: the tiers it names, or every hospital when it names none. */
public record Applicability(Set<HospitalTier> tiers, String label) {
    /** The scope of a set that declares none. */
    public static final Applicability EVERY_HOSPITAL = new Applicability(Set.of(), "全部医院");

    public Applicability {
        tiers = tiers.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(tiers));
        Objects.requireNonNull(label, "label");
    }

    /**
     * The scope written in a set's header: {@code tiers} the tier names separated by commas or blanks (blank: every
     * hospital), {@code label} what they are called (blank: the tiers' labels).
     *
     * @throws HqdException naming {@code source} and the unknown tier
     */
    static Applicability parse(String tiers, String label, String source) {
        List<HospitalTier> named = new ArrayList<>();
        for (String t : tiers.split("[,，、\\s]+")) {
            if (t.isBlank()) {
                continue;
            }
            named.add(HospitalTier.byName(t).orElseThrow(() -> new HqdException(source + " 的 applies_to 中层级 '" + t
                    + "' 未知；可用：" + String.join("、", java.util.Arrays.stream(HospitalTier.values())
                    .map(Enum::name).toList()))));
        }
        if (named.isEmpty()) {
            return EVERY_HOSPITAL;
        }
        String shown = label.isBlank() ? String.join("、", EnumSet.copyOf(named).stream().map(HospitalTier::label)
                .toList()) : label.strip();
        return new Applicability(EnumSet.copyOf(named), shown);
    }

    /** Whether the set applies to every hospital. */
    public boolean universal() {
        return tiers.isEmpty();
    }

    /** Whether the set applies to a hospital of this tier (empty: not in the register's tiers). */
    public boolean appliesTo(Optional<HospitalTier> tier) {
        return universal() || tier.filter(tiers::contains).isPresent();
    }

    /**
     * What a user is told of the scope when hospitals were left out, e.g. 本指标体系适用于三级医院；不适用的 3 家医院未参评
     * (empty when none was).
     */
    public Optional<String> note(int evaluated, int notApplicable) {
        if (notApplicable == 0) {
            return Optional.empty();
        }
        return Optional.of("本指标体系适用于" + label + "；" + (evaluated == 0 ? "所选范围内没有适用的医院，" : "")
                + "不适用的 " + notApplicable + " 家医院未参评");
    }

    /**
     * What is said of a hospital outside the scope: it is not rated on this set. It names the hospital (not 本院), for
     * the message is read by the hospital's own users and by regulators asking about it alike.
     */
    public String outside(String hospitalName, Optional<HospitalTier> tier, String setName) {
        return hospitalName + "（" + HospitalTier.labelOf(tier) + "）不在「" + setName + "」的适用范围（" + label
                + "）内，未参评";
    }
}
