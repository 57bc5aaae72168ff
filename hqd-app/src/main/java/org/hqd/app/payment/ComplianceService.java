package org.hqd.app.payment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
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
    private final org.hqd.app.DataAccess data;
    private final RulePackCatalog packs;

    public ComplianceService(org.hqd.app.DataAccess data, RulePackCatalog packs) {
        this.data = Objects.requireNonNull(data, "data");
        this.packs = Objects.requireNonNull(packs, "packs");
    }

    /** Loads the scheme's CC/MCC tables (about 1 CPU-second the first time), which every screen then shares. */
    public void loadTables() {
        data.with(d -> packs.load(Bases.scheme(d)));
    }

    /** @param rules the rules to screen with (the bundled ones: {@link ComplianceRules#standard()}) */
    public ComplianceResult screen(CaseFilter filter, ComplianceRules rules) {
        return data.with(d -> {
            RulePack pack = packs.load(Bases.scheme(d));
            Set<String> complications = new HashSet<>(pack.ccTable().keySet());
            complications.addAll(pack.mccTable().keySet());
            var basis = Bases.resolve(d, PaymentMethod.DRG, filter, OptionalDouble.empty()).basis();
            ComplianceQuery q = new ComplianceQuery(d, basis);
            int lookBack = rules.rules().stream().filter(r -> r instanceof ComplianceRule.SplitStay)
                    .mapToInt(r -> ((ComplianceRule.SplitStay) r).days()).max().orElse(0);
            CaseFilter period = new CaseFilter(filter.from(), filter.to(), Optional.empty());
            CaseFilter wider = lookBack == 0 || filter.from().isEmpty() ? period : new CaseFilter(
                    filter.from().map(f -> f.minusDays(lookBack)), filter.to(), Optional.empty());
            List<ComplianceRule> splits = new ArrayList<>();
            List<ComplianceRule> others = new ArrayList<>();
            rules.rules().forEach(r -> (r instanceof ComplianceRule.SplitStay ? splits : others).add(r));
            List<PeerCount> peers = others.stream().anyMatch(r -> r instanceof ComplianceRule.PeerSignal)
                    ? q.peerCounts(period) : List.of();
            List<ComplianceFlag> flags = new ArrayList<>(new ComplianceScreener(new ComplianceRules(rules.id(),
                    rules.name(), rules.source(), others), complications::contains)
                    .screen(q.candidates(filter, others), peers));
            for (ComplianceRule split : splits) {
                List<ComplianceCase> stays = q.splitStayCandidates(wider, (ComplianceRule.SplitStay) split);
                Set<String> inPeriod = new HashSet<>();
                stays.stream().filter(c -> filter.from().map(f -> !c.discharge().isBefore(f)).orElse(true))
                        .forEach(c -> inPeriod.add(c.hospitalId() + "/" + c.recordId()));
                new ComplianceScreener(new ComplianceRules(rules.id(), rules.name(), rules.source(), List.of(split)),
                        complications::contains).screen(stays, List.of()).stream()
                        .filter(f -> inPeriod.contains(f.hospitalId() + "/" + f.recordId())).forEach(flags::add);
            }
            List<ComplianceFlag> kept = flags.stream()
                    .filter(f -> filter.hospital().map(h -> h.equals(f.hospitalId())).orElse(true))
                    .sorted(java.util.Comparator.comparing(ComplianceFlag::hospitalId)
                            .thenComparing(ComplianceFlag::ruleId).thenComparing(ComplianceFlag::recordId)
                            .thenComparing(ComplianceFlag::subject)).toList();
            return new ComplianceResult(rules, q.count(filter), kept);
        });
    }
}
