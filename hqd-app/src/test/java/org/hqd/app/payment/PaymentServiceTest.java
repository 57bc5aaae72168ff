package org.hqd.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.RuleFileException;
import org.hqd.access.AuditEntry;
import org.hqd.app.Actor;
import org.hqd.app.NotFoundException;
import org.hqd.app.Workspace;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.payment.CaseType;
import org.hqd.payment.ClearingLine;
import org.hqd.payment.CostLevel;
import org.hqd.payment.MonthLine;
import org.hqd.payment.PaymentMethod;
import org.hqd.payment.Settlement;
import org.hqd.payment.UnitCostOutput;
import org.hqd.store.access.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment use cases on a data directory of hand-made cases, results computed by hand. H1 in March 2024: R1 a
 * normal appendectomy (10,000), R2 a high outlier (30,000), R3 self-pay (10,000), R4 a death on the day after
 * admission (5,000); H2 in April: S1 (8,000). GD25 has weight 0.8 and a published mean of 8,000.
 */
final class PaymentServiceTest {
    private static final String WEIGHTS = "drg,weight,base_cost\nGD25,0.8,8000\n";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Path data;

    @BeforeEach
    void importCases() throws Exception {
        data = tmp.resolve("data");
        Cases.importInto(data, tmp, List.of(Cases.of("H1", "R1", "10000.00"), Cases.of("H1", "R2", "30000.00"),
                Cases.of("H1", "R3", "10000.00").set(AbstractColumn.PAYER, "7"),
                Cases.of("H1", "R4", "5000.00").set(AbstractColumn.DISCHARGE_METHOD, "5").stay("2024-03-05", "2024-03-06", 1),
                Cases.of("H2", "S1", "8000.00").stay("2024-04-01", "2024-04-06", 5)));
    }

    private static List<AuditEntry> audit(Workspace w, String action) {
        return w.with(d -> new AuditLog(d).latest(100)).stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void loadWeights_thenSettle_officialVersionInForceOneAuditEntryReloadChangesNothing() {
        try (Workspace w = Workspace.open(data)) {
            PaymentParameters p = new PaymentParameters(w, CLOCK);
            ParametersLoaded first = p.loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "2024 官方权重",
                    OptionalDouble.of(10_000), OptionalDouble.empty());
            ParametersLoaded again = p.loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "2024 官方权重",
                    OptionalDouble.of(10_000), OptionalDouble.empty());
            StringWriter csv = new StringWriter();
            SettlementBasis b = new PaymentService(w, CLOCK).settle(PaymentMethod.DRG, CaseFilter.ALL, csv);

            assertThat(first).isEqualTo(new ParametersLoaded(1, false, 1, List.of()));
            assertThat(again.alreadyLoaded()).isTrue();
            assertThat(audit(w, "加载支付权重")).singleElement().satisfies(e -> {
                assertThat(e.user()).isEmpty();
                assertThat(e.client()).isEqualTo("命令行");
                assertThat(e.detail()).contains("w.csv", "版本 1", "1 个病组", "费率 10000.0");
            });
            assertThat(b.weights()).isEqualTo("官方权重版本 1（2024 官方权重）");
            assertThat(b.yuanPerPoint()).isEqualTo(100);
            assertThat(csv.toString().lines().toList()).containsExactly(
                    "hospital_id,record_id,payer,insured,drg,weight,case_type,points,payment,total_cost,balance",
                    "H1,R1,1,true,GD25,0.8000,normal,80.0000,8000.00,10000.00,-2000.00",
                    "H1,R2,1,true,GD25,0.8000,high,140.0000,14000.00,30000.00,-16000.00",
                    "H1,R3,7,false,GD25,0.8000,normal,,,10000.00,",
                    "H1,R4,1,true,GD25,0.8000,special,50.0000,5000.00,5000.00,0.00",
                    "H2,S1,1,true,GD25,0.8000,normal,80.0000,8000.00,8000.00,0.00");
        }
    }

    @Test
    void loadWeights_badTable_nothingStoredAndNoEntry() {
        try (Workspace w = Workspace.open(data)) {
            PaymentParameters p = new PaymentParameters(w, CLOCK);

            assertThatThrownBy(() -> p.loadWeights(Actor.commandLine(), "bad.csv", "drg,weight\nGD25,-1\nGD25,x\n",
                    "坏表", OptionalDouble.of(1), OptionalDouble.empty())).isInstanceOf(RuleFileException.class)
                    .hasMessageContaining("第 2 行").hasMessageContaining("第 3 行");
            assertThat(p.weightVersions()).isEmpty();
            assertThat(audit(w, "加载支付权重")).isEmpty();
        }
    }

    @Test
    void clear_saved_fundSharedToTheFenStoredWithOneEntry() {
        try (Workspace w = Workspace.open(data)) {
            new PaymentParameters(w, CLOCK).loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "2024",
                    OptionalDouble.of(10_000), OptionalDouble.empty());
            PaymentService s = new PaymentService(w, CLOCK);

            ClearingResult r = s.clear(Actor.demo("医保局"), PaymentMethod.DRG, 2024, 10_000_000, true);

            // 350 points (H1: 80 + 140 + 50, H2: 80); 100,000.00 × 270 / 350 = 77,142.857… and × 80 / 350 = 22,857.142…
            assertThat(r.clearing().totalPoints()).isEqualTo(350);
            assertThat(r.clearing().byHospital()).extracting(ClearingLine::hospitalId, ClearingLine::clearedFen,
                    ClearingLine::presettledFen).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("H1", 7_714_286L, 2_700_000L),
                            org.assertj.core.groups.Tuple.tuple("H2", 2_285_714L, 800_000L));
            assertThat(r.savedAs()).hasValue(1);
            assertThat(s.clearings()).singleElement().satisfies(c -> {
                assertThat(c.fundFen()).isEqualTo(10_000_000);
                assertThat(c.computedBy()).isEqualTo("医保局");
            });
            assertThat(audit(w, "医保清算")).singleElement().satisfies(e -> assertThat(e.client()).isEqualTo("演示"));
            // not saved: computed, nothing stored
            s.clear(Actor.commandLine(), PaymentMethod.DRG, 2024, 5_000_000, false);
            assertThat(s.clearings()).hasSize(1);
        }
    }

    @Test
    void basis_officialWithoutRateOrValue_budgetNeutralPointValueOfThePeriod() {
        try (Workspace w = Workspace.open(data)) {
            new PaymentParameters(w, CLOCK).loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "无点值",
                    OptionalDouble.empty(), OptionalDouble.empty());

            SettlementBasis b = new PaymentService(w, CLOCK).basis(PaymentMethod.DRG, CaseFilter.ALL);

            // insured cost 10,000 + 30,000 + 5,000 + 8,000 = 53,000 over 350 points
            assertThat(b.neutral()).isTrue();
            assertThat(b.yuanPerPoint()).isCloseTo(53_000.0 / 350, within(1e-9));
        }
    }

    @Test
    void loadReviews_refusesUnknownCasesAndMissingReasons_thenTheCaseIsPaidAsReviewed() {
        try (Workspace w = Workspace.open(data)) {
            PaymentParameters p = new PaymentParameters(w, CLOCK);
            p.loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "2024", OptionalDouble.of(10_000), OptionalDouble.empty());

            ParametersLoaded l = p.loadReviews(Actor.commandLine(), "reviews.csv",
                    "hospital_id,record_id,reason\nH1,R2,罕见并发症，专家评议通过\nH1,NOPE,理由\nH1,R1,\n");
            Settlement s = new PaymentService(w, CLOCK).explain(PaymentMethod.DRG, "H1", "R2");

            assertThat(l.rows()).isEqualTo(1);
            assertThat(l.refused()).containsExactly("第 3 行：数据中没有病例 H1 / NOPE", "第 4 行：没有理由（特病单议须记录理由）");
            assertThat(s.type()).isEqualTo(CaseType.SPECIAL);
            assertThat(s.rule()).isEqualTo("review");
            assertThat(s.points()).isEqualTo(300.0); // 30,000 / 10,000 × 100
            assertThat(s.trace()).anyMatch(t -> t.contains("罕见并发症"));
            assertThatThrownBy(() -> new PaymentService(w, CLOCK).explain(PaymentMethod.DRG, "H1", "NOPE"))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void costs_onlyInsuredCasesCount() {
        try (Workspace w = Workspace.open(data)) {
            new PaymentParameters(w, CLOCK).loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "2024",
                    OptionalDouble.of(10_000), OptionalDouble.empty());

            CostOutputs c = new PaymentService(w, CLOCK).costs(CostLevel.HOSPITAL, CaseFilter.ALL, OptionalDouble.empty());

            assertThat(c.units()).extracting(UnitCostOutput::unit, UnitCostOutput::cases, UnitCostOutput::payment,
                    UnitCostOutput::cost).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("H1", 3L, 27_000.0, 45_000.0),
                            org.assertj.core.groups.Tuple.tuple("H2", 1L, 8_000.0, 8_000.0));
        }
    }

    /** The server takes a hospital's rows from the province's answer for the period when it has it. */
    @Test
    void aHospitalsCostsAndMonths_areThoseOfTheProvincesAnswer() {
        try (Workspace w = Workspace.open(data)) {
            new PaymentParameters(w, CLOCK).loadWeights(Actor.commandLine(), "w.csv", WEIGHTS, "2024",
                    OptionalDouble.empty(), OptionalDouble.empty());
            PaymentService service = new PaymentService(w, CLOCK);
            for (CaseFilter period : List.of(CaseFilter.ALL, new CaseFilter(Optional.of(java.time.LocalDate.of(2024,
                    3, 1)), Optional.of(java.time.LocalDate.of(2024, 4, 30)), Optional.empty()))) {
                for (String h : List.of("H1", "H2")) {
                    CaseFilter own = new CaseFilter(period.from(), period.to(), Optional.of(h));
                    for (CostLevel level : List.of(CostLevel.HOSPITAL, CostLevel.DEPARTMENT, CostLevel.PHYSICIAN)) {
                        List<UnitCostOutput> all = service.costs(level, period, OptionalDouble.empty()).units();
                        assertThat(all.stream().filter(u -> u.unit().equals(h) || u.unit().startsWith(h + "/")))
                                .as(level + " " + own).isNotEmpty()
                                .containsExactlyElementsOf(service.costs(level, own, OptionalDouble.empty()).units());
                    }
                    List<UnitCostOutput> drgs = service.costs(CostLevel.HOSPITAL_DRG, period, OptionalDouble.empty())
                            .units();
                    assertThat(drgs.stream().filter(u -> u.unit().startsWith(h + "/"))
                            .map(u -> u.withUnit(u.unit().substring(h.length() + 1)))).as("DRGs " + own)
                            .isNotEmpty().containsExactlyElementsOf(service.costs(CostLevel.DRG, own,
                                    OptionalDouble.empty()).units());
                    assertThat(service.worstOfEachHospital(PaymentMethod.DRG, period, 2).stream()
                            .filter(c -> c.hospitalId().equals(h))).as("worst cases " + own).isNotEmpty()
                            .containsExactlyElementsOf(service.cases(PaymentMethod.DRG, own, 10).stream()
                                    .filter(Settlement::insured).limit(2).toList());
                    Presettlement all = service.monthly(PaymentMethod.DRG, period);
                    Presettlement mine = service.monthly(PaymentMethod.DRG, own);
                    assertThat(mine.basis()).isEqualTo(all.basis());
                    assertThat(all.lines().stream().filter(l -> l.hospitalId().equals(h))).as(own.toString())
                            .isNotEmpty().containsExactlyElementsOf(mine.lines());
                }
            }
        }
    }

    @Test
    void loadDipCatalogue_casesAssignedWithTheirCoefficient_settledByDipRules() {
        try (Workspace w = Workspace.open(data)) {
            ParametersLoaded l = new PaymentParameters(w, CLOCK).loadDipCatalogue(Actor.commandLine(), "dip.csv",
                    "group_code,principal_dx,operations,score,mean_cost\nK35.8:47.0100,K35.800x001,47.0100,800,8000\n",
                    Optional.of("aux.tsv"), Optional.of("kind\tlevel\tcondition\tcoefficient\tsource\n"
                            + "AGE\t青壮年\tage_years<=40\t1.1\t测试\n"), OptionalDouble.of(10));

            List<MonthLine> m = new PaymentService(w, CLOCK).monthly(PaymentMethod.DIP, CaseFilter.ALL).lines();

            assertThat(l.version()).isEqualTo(1);
            // 800 × 1.1 = 880 points a case; R2 at 3.75 times the mean: [(3.75 − 2) + 1] × 880 = 2,420
            assertThat(m).extracting(MonthLine::hospitalId, MonthLine::cases, MonthLine::paymentFen).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("H1", 3L, 41_800_00L),
                    org.assertj.core.groups.Tuple.tuple("H2", 1L, 8_800_00L));
            assertThat(m.get(0).points()).isCloseTo(4180, within(1e-9));
            String adjusted = w.with(d -> org.hqd.store.fixtures.Sql.one(d, "SELECT count(*) FROM dip_case_adjustments "
                    + "WHERE coefficient = 1.1 AND levels = 'AGE:青壮年'"));
            assertThat(adjusted).isEqualTo("5");
        }
    }
}
