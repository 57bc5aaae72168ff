package org.hqd.app.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.hqd.app.ResultCache;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.compliance.ComplianceCase;
import org.hqd.compliance.ComplianceFlag;
import org.hqd.compliance.ComplianceRule;
import org.hqd.compliance.ComplianceRules;
import org.hqd.compliance.ComplianceScreener;
import org.hqd.compliance.PeerCount;
import org.hqd.payment.PaymentMethod;
import org.hqd.store.payment.ComplianceQuery;
import org.hqd.store.payment.WeightBasis;

/*
 * The period: flags are about cases discharged in it. Split stays look back: the earlier stay of a pair may have been
 * discharged up to the rule's days before the period, so those rules read that much more. Upcoding signals compare a
 * hospital with its peers, so every hospital's cases are counted; a one-hospital filter keeps that hospital's flags.
 * Only candidates come into Java (ComplianceQuery): the counts of the upcoding signals, the cases a rule on single
 * cases may flag, the stays of patients who may have a split stay; the core screener then applies the rules to them
 * exactly as it would to every case of the period (ComplianceServiceTest holds the two against each other).
 */
/** Compliance screening (医保智能审核) of a period's cases with the bundled rules or a region's own. */
public final class ComplianceService {
    /**
     * What a screen shares with every other screen of the same period and rules, whatever the hospital: the weight
     * basis and the flags of the rules that read every hospital's cases — the upcoding signals (from the counts of all
     * hospitals) and the split stays — by hospital.
     */
    private record PeriodParts(WeightBasis basis, Map<String, List<ComplianceFlag>> flags) {
        List<ComplianceFlag> of(Optional<String> hospital) {
            return hospital.map(h -> flags.getOrDefault(h, List.of()))
                    .orElseGet(() -> flags.values().stream().flatMap(List::stream).toList());
        }
    }

    private final org.hqd.app.DataAccess data;
    private final RulePackCatalog packs;
    /** The period parts kept between screens ({@link #sharingPeriods}); empty: computed for each screen. */
    private final Optional<ResultCache> periods;

    public ComplianceService(org.hqd.app.DataAccess data, RulePackCatalog packs) {
        this(data, packs, Optional.empty());
    }

    private ComplianceService(org.hqd.app.DataAccess data, RulePackCatalog packs, Optional<ResultCache> periods) {
        this.data = Objects.requireNonNull(data, "data");
        this.packs = Objects.requireNonNull(packs, "packs");
        this.periods = periods;
    }

    /**
     * For a server whose store does not change while it runs: the parts of a screen that read the whole province
     * (the counts of the upcoding signals, the split stays, the weight basis) are computed once per period and rules
     * and shared by the screens of every hospital, which then read only their own hospital's candidates (a one-hospital
     * screen of the 10M store's whole period cost ≈ 50 CPU-seconds each, now once).
     */
    public static ComplianceService sharingPeriods(org.hqd.app.DataAccess data, RulePackCatalog packs) {
        return new ComplianceService(data, packs, Optional.of(new ResultCache(16)));
    }

    /** Loads the scheme's CC/MCC tables (about 1 CPU-second the first time), which every screen then shares. */
    public void loadTables() {
        data.with(d -> packs.load(Bases.scheme(d)));
    }

    /**
     * Computes the shared parts of the screens of a period ahead of the first reader (a server's warm-up); nothing
     * when they are not kept.
     */
    public void warm(CaseFilter period, ComplianceRules rules) {
        CaseFilter p = new CaseFilter(period.from(), period.to(), Optional.empty());
        periods.ifPresent(c -> c.get(p + "|" + rules, () -> data.with(d -> parts(d, p, rules))));
    }

    /** @param rules the rules to screen with (the bundled ones: {@link ComplianceRules#standard()}) */
    public ComplianceResult screen(CaseFilter filter, ComplianceRules rules) {
        CaseFilter period = new CaseFilter(filter.from(), filter.to(), Optional.empty());
        // computed (or awaited) without holding a connection, then the hospital's own part
        PeriodParts parts = periods.map(c -> c.<PeriodParts>get(period + "|" + rules, () -> data.with(d -> parts(d,
                period, rules)))).orElse(null);
        return data.with(d -> {
            PeriodParts shared = parts != null ? parts : parts(d, period, rules);
            Set<String> complications = complications(d);
            ComplianceQuery q = new ComplianceQuery(d, shared.basis());
            List<ComplianceRule> single = rules.rules().stream().filter(r -> !readsEveryHospital(r)).toList();
            List<ComplianceFlag> flags = new ArrayList<>(new ComplianceScreener(new ComplianceRules(rules.id(),
                    rules.name(), rules.source(), single), complications::contains)
                    .screen(q.candidates(filter, single), List.of()));
            flags.addAll(shared.of(filter.hospital()));
            List<ComplianceFlag> kept = flags.stream()
                    .filter(f -> filter.hospital().map(h -> h.equals(f.hospitalId())).orElse(true))
                    .sorted(java.util.Comparator.comparing(ComplianceFlag::hospitalId)
                            .thenComparing(ComplianceFlag::ruleId).thenComparing(ComplianceFlag::recordId)
                            .thenComparing(ComplianceFlag::subject)).toList();
            return new ComplianceResult(rules, q.count(filter), kept);
        });
    }

    private Set<String> complications(org.hqd.store.DataDirectory d) {
        RulePack pack = packs.load(Bases.scheme(d));
        Set<String> complications = new HashSet<>(pack.ccTable().keySet());
        complications.addAll(pack.mccTable().keySet());
        return complications;
    }

    /** The parts of a screen of the period (no hospital) that read every hospital's cases. */
    private PeriodParts parts(org.hqd.store.DataDirectory d, CaseFilter period, ComplianceRules rules) {
        Set<String> complications = complications(d);
        WeightBasis basis = Bases.resolve(d, PaymentMethod.DRG, period, OptionalDouble.empty()).basis();
        ComplianceQuery q = new ComplianceQuery(d, basis);
        int lookBack = rules.rules().stream().filter(r -> r instanceof ComplianceRule.SplitStay)
                .mapToInt(r -> ((ComplianceRule.SplitStay) r).days()).max().orElse(0);
        CaseFilter wider = lookBack == 0 || period.from().isEmpty() ? period : new CaseFilter(
                period.from().map(f -> f.minusDays(lookBack)), period.to(), Optional.empty());
        List<ComplianceRule> peerRules = rules.rules().stream().filter(r -> r instanceof ComplianceRule.PeerSignal)
                .toList();
        List<PeerCount> peers = peerRules.isEmpty() ? List.of() : q.peerCounts(period);
        List<ComplianceFlag> found = new ArrayList<>(new ComplianceScreener(new ComplianceRules(rules.id(),
                rules.name(), rules.source(), peerRules), complications::contains).screen(List.of(), peers));
        for (ComplianceRule split : rules.rules()) {
            if (!(split instanceof ComplianceRule.SplitStay s)) {
                continue;
            }
            List<ComplianceCase> stays = q.splitStayCandidates(wider, s);
            Set<String> inPeriod = new HashSet<>();
            stays.stream().filter(c -> period.from().map(f -> !c.discharge().isBefore(f)).orElse(true))
                    .forEach(c -> inPeriod.add(c.hospitalId() + "/" + c.recordId()));
            new ComplianceScreener(new ComplianceRules(rules.id(), rules.name(), rules.source(), List.of(split)),
                    complications::contains).screen(stays, List.of()).stream()
                    .filter(f -> inPeriod.contains(f.hospitalId() + "/" + f.recordId())).forEach(found::add);
        }
        Map<String, List<ComplianceFlag>> byHospital = new HashMap<>();
        found.forEach(f -> byHospital.computeIfAbsent(f.hospitalId(), h -> new ArrayList<>()).add(f));
        byHospital.replaceAll((h, l) -> List.copyOf(l));
        return new PeriodParts(basis, Map.copyOf(byHospital));
    }

    /** Whether the rule's flags depend on other cases than the one flagged (of any hospital). */
    private static boolean readsEveryHospital(ComplianceRule r) {
        return r instanceof ComplianceRule.SplitStay || r instanceof ComplianceRule.PeerSignal;
    }
}
