package org.hqd.app.dip;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.hqd.app.DataAccess;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipGroup;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.dip.DipUnitScore;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.store.dip.DipStore;
import org.hqd.store.dip.DipUnitScores;

/**
 * DIP (按病种分值付费) on the data directory's cases: building a catalogue from baseline cases (every case assigned to
 * it in the same transaction), the latest catalogue, assigning the cases imported since, and the units' DIP metrics
 * with payment and balance at a point value. Loading an official catalogue is
 * {@link org.hqd.app.payment.PaymentParameters}'.
 */
public final class DipService {
    private final DataAccess data;
    private final boolean monthlyBenchmark;

    public DipService(DataAccess data) {
        this(data, false);
    }

    private DipService(DataAccess data, boolean monthlyBenchmark) {
        this.data = Objects.requireNonNull(data, "data");
        this.monthlyBenchmark = monthlyBenchmark;
    }

    /**
     * For a server whose store does not change while it runs and whose monthly benchmark sums are built
     * ({@link org.hqd.app.standards.StandardsService#forServer}): the units' DIP metrics over whole months read their
     * benchmark from those sums, and so does the point value of a period of whole months (the same results up to the
     * order of floating-point sums).
     */
    public DipService withMonthlyBenchmark() {
        return new DipService(data, true);
    }

    /** Builds a catalogue from the cases of the baseline and assigns every case to it; returns its version. */
    public int build(CaseFilter baseline, DipParameters parameters) {
        Predicate<String> or = orProcedures();
        return data.with(d -> new DipStore(d).build(baseline, parameters, or));
    }

    /** The groups of the latest catalogue (empty without one). */
    public List<DipGroup> current() {
        return data.with(d -> new DipStore(d).current());
    }

    /** Whether the data directory has a DIP catalogue. */
    public boolean hasCatalogue() {
        return !current().isEmpty();
    }

    /** Assigns the cases imported or replaced since the latest catalogue to its groups; returns how many. */
    public long assignPending() {
        Predicate<String> or = orProcedures();
        return data.with(d -> new DipStore(d).assignPending(or, DipParameters.DEFAULTS));
    }

    /**
     * The units' DIP metrics, payment and balance at a point value (yuan per point; ≤ 0: budget-neutral), against
     * the peer group.
     */
    public List<DipUnitScore> scores(UnitLevel level, CaseFilter filter, double pointValue, PeerGroup peers) {
        return data.with(d -> units(d).run(level, filter, pointValue, peers));
    }

    /** The budget-neutral point value of the filter's cases (yuan per point), the same for every unit of it. */
    public double neutralPointValue(CaseFilter filter) {
        return data.with(d -> units(d).neutralPointValue(filter));
    }

    private DipUnitScores units(org.hqd.store.DataDirectory d) {
        return monthlyBenchmark ? new DipUnitScores(d).withMonthlyBenchmark() : new DipUnitScores(d);
    }

    /** The OR procedures of the data directory's scheme (what makes a DIP key surgical). */
    private Predicate<String> orProcedures() {
        return data.pack().orProcedures()::containsKey;
    }
}
