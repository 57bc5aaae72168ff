package org.hqd.payment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A version of the official payment parameters: the groups' weights (and mean costs) with the rate (yuan per unit
 * of weight) or the point value (yuan per point) the insurer published, if any.
 *
 * <p>Derived, once: <em>yuan per weight</em> — the rate, else point value × points per weight, else the catalogue's
 * Σ mean cost / Σ weight; a group's <em>mean cost</em> — its published base cost, else weight × yuan per weight;
 * <em>yuan per point</em> for pre-settlement — rate / points per weight, or the point value; none without either
 * (the settlement then uses the budget-neutral value of the period).
 */
public record PaymentWeights(String name, Map<String, GroupWeight> groups, OptionalDouble rate,
                             OptionalDouble pointValue) {
    public PaymentWeights {
        Objects.requireNonNull(name, "name");
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        if (rate.isPresent() && pointValue.isPresent()) {
            throw new IllegalArgumentException("rate or point value, not both");
        }
    }

    public Optional<GroupWeight> group(String code) {
        return Optional.ofNullable(groups.get(code));
    }

    /** Yuan per unit of weight, for converting cost into points and for mean costs not published. */
    public double yuanPerWeight(double pointsPerWeight) {
        if (rate.isPresent()) {
            return rate.getAsDouble();
        }
        if (pointValue.isPresent()) {
            return pointValue.getAsDouble() * pointsPerWeight;
        }
        double cost = 0;
        double weight = 0;
        for (GroupWeight g : groups.values()) {
            cost += g.baseCost();
            weight += g.weight();
        }
        return cost / weight;
    }

    /** A group's mean cost: published, else weight × yuan per weight. */
    public double meanCost(GroupWeight g, double pointsPerWeight) {
        return g.hasBaseCost() ? g.baseCost() : g.weight() * yuanPerWeight(pointsPerWeight);
    }

    /** Yuan per point for pre-settlement, when the version has a rate or a point value. */
    public OptionalDouble yuanPerPoint(double pointsPerWeight) {
        return rate.isPresent() ? OptionalDouble.of(rate.getAsDouble() / pointsPerWeight) : pointValue;
    }
}
