package org.hqd.app.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.hqd.app.Workspace;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.compliance.ComplianceCase;
import org.hqd.compliance.ComplianceFlag;
import org.hqd.compliance.ComplianceKind;
import org.hqd.compliance.ComplianceRule;
import org.hqd.compliance.ComplianceRules;
import org.hqd.compliance.ComplianceScreener;
import org.hqd.payment.PaymentMethod;
import org.hqd.store.payment.ComplianceQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The screen reads only candidates (the upcoding counts, the cases a rule on single cases may flag and the stays of
 * patients who may have a split stay, all chosen in SQL); the reference is the core screener over every case of the
 * period, as the screen ran before. On a hand-made store with every kind of flag and near misses of each (a split 20
 * days apart, a split across two hospitals, a cheap short stay discharged by transfer, a heart failure with drug
 * charges), the two give the same flags and counts for every filter. The upcoding rules ask for 2 cases a side here.
 */
final class ComplianceCandidatesTest {
    @TempDir
    static Path tmp;

    static Path data;

    static final ComplianceRules RULES = new ComplianceRules("test", "测试", "测试", ComplianceRules.standard().rules()
            .stream().map(r -> r instanceof ComplianceRule.PeerSignal p ? new ComplianceRule.PeerSignal(p.id(),
                    p.label(), p.source(), p.kind(), 2, p.ratioAtLeast(), p.differenceAtLeast(), p.byTier()) : r)
            .toList());

    @BeforeAll
    static void importCases() throws Exception {
        data = tmp.resolve("data");
        List<Cases> rows = new ArrayList<>(List.of(
                Cases.of("H1", "A1", "10000.00").set(AbstractColumn.PATIENT_ID, "P1"),
                Cases.of("H1", "A2", "10000.00").set(AbstractColumn.PATIENT_ID, "P1").stay("2024-03-10", "2024-03-15", 5),
                Cases.of("H1", "A3", "10000.00").set(AbstractColumn.PATIENT_ID, "P1").stay("2024-04-04", "2024-04-09", 5),
                Cases.of("H1", "X1", "10000.00").set(AbstractColumn.PATIENT_ID, "P3").stay("2024-03-20", "2024-03-25", 5),
                Cases.of("H2", "X2", "10000.00").set(AbstractColumn.PATIENT_ID, "P3").stay("2024-03-27", "2024-03-30", 3),
                Cases.of("H1", "N1", "500.00").set(AbstractColumn.PRINCIPAL_PROC, "").set(AbstractColumn.PROC_LEVELS, "")
                        .stay("2024-03-20", "2024-03-21", 1),
                Cases.of("H1", "N2", "500.00").set(AbstractColumn.PRINCIPAL_PROC, "").set(AbstractColumn.PROC_LEVELS, "")
                        .set(AbstractColumn.DISCHARGE_METHOD, "2").stay("2024-03-20", "2024-03-21", 1),
                Cases.of("H1", "N3", "2000.00").set(AbstractColumn.PRINCIPAL_PROC, "").set(AbstractColumn.PROC_LEVELS, "")
                        .stay("2024-03-20", "2024-03-21", 1)));
        for (int i = 1; i <= 3; i++) {
            rows.add(Cases.of("H1", "M" + i, "10000.00").set(AbstractColumn.SECONDARY_DX, "I50.000| E87.400|K59.000")
                    .stay("2024-03-1" + i, "2024-03-1" + (i + 4), 4));
            rows.add(Cases.of("H2", "B" + i, "10000.00").stay("2024-03-1" + i, "2024-03-1" + (i + 4), 4));
        }
        rows.add(Cases.of("H2", "D1", "10000.00").set(AbstractColumn.SECONDARY_DX, "I50.000")
                .set(AbstractColumn.COST_WESTERN_DRUG, "300.00").set(AbstractColumn.COST_BED, "9700.00")
                .stay("2024-03-02", "2024-03-07", 5));
        Cases.importInto(data, tmp, rows);
        try (Workspace w = Workspace.open(data)) {
            new PaymentParameters(w, java.time.Clock.systemUTC()).loadWeights(org.hqd.app.Actor.commandLine(), "w.csv",
                    "drg,weight,base_cost\nGD25,0.8,8000\nGZ15,0.5,5000\n", "2024", OptionalDouble.of(10_000),
                    OptionalDouble.empty());
        }
    }

    @Test
    void screen_everyFilter_sameFlagsAndCountsAsTheCoreOverEveryCase() {
        List<CaseFilter> filters = filters();
        try (Workspace w = Workspace.open(data)) {
            for (CaseFilter f : filters) {
                ComplianceResult screened = new ComplianceService(w, RulePackCatalog.bundled()).screen(f, RULES);
                ComplianceResult reference = w.with(d -> reference(d, f));

                assertThat(screened.flags()).as(f.toString()).isEqualTo(reference.flags());
                assertThat(screened.cases()).as(f.toString()).isEqualTo(reference.cases());
            }
            List<ComplianceFlag> all = w.with(d -> reference(d, CaseFilter.ALL)).flags();
            assertThat(all).extracting(ComplianceFlag::kind).containsOnly(ComplianceKind.values());
            assertThat(all).filteredOn(x -> x.kind() == ComplianceKind.SPLIT_STAY)
                    .extracting(ComplianceFlag::recordId).containsExactly("A2");
            assertThat(all).filteredOn(x -> x.kind() == ComplianceKind.NEEDLESS_ADMISSION)
                    .extracting(ComplianceFlag::recordId).containsExactly("N1");
            assertThat(all).filteredOn(x -> x.kind() == ComplianceKind.CC_WITHOUT_CHARGES)
                    .extracting(ComplianceFlag::recordId).containsOnly("M1", "M2", "M3");
        }
    }

    /**
     * A server's screens share the parts of a period that read every hospital (the upcoding counts, the split stays):
     * one service screening the filters in turn — the same periods for several hospitals, in both orders — gives
     * every filter the flags and counts of the reference.
     */
    @Test
    void screen_sharingPeriods_sameFlagsAndCountsAsTheCoreOverEveryCase() {
        try (Workspace w = Workspace.open(data)) {
            ComplianceService sharing = ComplianceService.sharingPeriods(w, RulePackCatalog.bundled());
            List<CaseFilter> reversed = new ArrayList<>(filters());
            java.util.Collections.reverse(reversed);
            List<CaseFilter> twice = new ArrayList<>(filters());
            twice.addAll(reversed);
            for (CaseFilter f : twice) {
                ComplianceResult screened = sharing.screen(f, RULES);
                ComplianceResult reference = w.with(d -> reference(d, f));

                assertThat(screened.flags()).as(f.toString()).isEqualTo(reference.flags());
                assertThat(screened.cases()).as(f.toString()).isEqualTo(reference.cases());
            }
        }
    }

    private static List<CaseFilter> filters() {
        return Stream.of(
                new String[] {null, null, null}, new String[] {null, null, "H1"}, new String[] {null, null, "H2"},
                new String[] {"2024-03-08", null, null}, new String[] {"2024-03-08", null, "H1"},
                new String[] {null, "2024-03-08", null}, new String[] {"2024-03-26", "2024-04-30", null},
                new String[] {"2024-03-26", "2024-04-30", "H2"},
                new String[] {"2024-05-01", null, null}).map(f -> new CaseFilter(date(f[0]), date(f[1]),
                Optional.ofNullable(f[2]))).toList();
    }

    private static Optional<LocalDate> date(String s) {
        return Optional.ofNullable(s).map(LocalDate::parse);
    }

    /** The screen as it was: every case of the period (and of the split stays' look-back) through the core. */
    private static ComplianceResult reference(org.hqd.store.DataDirectory d, CaseFilter filter) {
        RulePack pack = RulePackCatalog.bundled().load(Bases.scheme(d));
        Set<String> complications = new HashSet<>(pack.ccTable().keySet());
        complications.addAll(pack.mccTable().keySet());
        ComplianceQuery q = new ComplianceQuery(d, Bases.resolve(d, PaymentMethod.DRG, filter, OptionalDouble.empty())
                .basis());
        List<ComplianceCase> cases = q.cases(filter);
        List<ComplianceCase> wider = filter.from().isEmpty() ? cases
                : q.cases(new CaseFilter(filter.from().map(f -> f.minusDays(15)), filter.to(), Optional.empty()));
        List<ComplianceRule> splits = RULES.rules().stream().filter(r -> r instanceof ComplianceRule.SplitStay).toList();
        List<ComplianceRule> others = RULES.rules().stream().filter(r -> !splits.contains(r)).toList();
        List<ComplianceFlag> flags = new ArrayList<>(new ComplianceScreener(new ComplianceRules("t", "t", "t", others),
                complications::contains).screen(cases));
        Set<String> inPeriod = new HashSet<>();
        cases.forEach(c -> inPeriod.add(c.hospitalId() + "/" + c.recordId()));
        new ComplianceScreener(new ComplianceRules("t", "t", "t", splits), complications::contains).screen(wider)
                .stream().filter(f -> inPeriod.contains(f.hospitalId() + "/" + f.recordId())).forEach(flags::add);
        List<ComplianceFlag> kept = flags.stream()
                .filter(f -> filter.hospital().map(h -> h.equals(f.hospitalId())).orElse(true))
                .sorted(Comparator.comparing(ComplianceFlag::hospitalId).thenComparing(ComplianceFlag::ruleId)
                        .thenComparing(ComplianceFlag::recordId).thenComparing(ComplianceFlag::subject)).toList();
        long n = filter.hospital().map(h -> cases.stream().filter(c -> c.hospitalId().equals(h)).count())
                .orElse((long) cases.size());
        return new ComplianceResult(RULES, n, kept);
    }
}
