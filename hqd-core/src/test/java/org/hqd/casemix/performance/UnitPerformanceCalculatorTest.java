package org.hqd.casemix.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hqd.casemix.standards.CaseValues;
import org.hqd.casemix.standards.Standards;
import org.hqd.casemix.standards.StandardsParameters;
import org.junit.jupiter.api.Test;

/** Hand-computed unit metrics (DESIGN §3.4) on a two-hospital benchmark. */
final class UnitPerformanceCalculatorTest {
    // H1: A 100, A 300, B 1000 (died); H2: A 200, B 3000, one ungroupable case of 50
    private static final List<UnitCase> H1 = List.of(
            new UnitCase("A", true, 100, 2, 10, 5, false), new UnitCase("A", true, 300, 6, 30, 15, false),
            new UnitCase("B", true, 1000, 10, 100, 100, true));
    private static final List<UnitCase> H2 = List.of(
            new UnitCase("A", true, 200, 4, 20, 10, false), new UnitCase("B", true, 3000, 30, 300, 300, false),
            new UnitCase("0000", false, 50, 1, 0, 0, false));

    private static Benchmark benchmark(List<UnitCase> all) {
        List<CaseValues> values = all.stream().filter(UnitCase::grouped)
                .map(c -> new CaseValues(c.drg(), c.cost(), c.losDays(), c.drugCost(), c.materialCost(), 0, c.died()))
                .toList();
        return Benchmark.of(all, Standards.of(values, StandardsParameters.DEFAULTS));
    }

    private static List<UnitCase> all() {
        List<UnitCase> all = new ArrayList<>(H1);
        all.addAll(H2);
        return all;
    }

    @Test
    void of_hospitalOne_givesHandComputedCmiAndIndices() {
        // overall kept mean 4600 / 5 = 920; RW_A = 200 / 920, RW_B = 2000 / 920
        UnitPerformance p = UnitPerformanceCalculator.of("H1", H1, benchmark(all()));

        assertThat(p.cases()).isEqualTo(3);
        assertThat(p.grouped()).isEqualTo(3);
        assertThat(p.drgCount()).isEqualTo(2);
        assertThat(p.totalWeight()).isCloseTo(2400.0 / 920, within(1e-12));
        assertThat(p.cmi().getAsDouble()).isCloseTo(800.0 / 920, within(1e-12));
        // A: 2 cases at 200 vs 200 → 1; B: 1 case at 1000 vs 2000 → 0.5; (2·1 + 1·0.5) / 3
        assertThat(p.costIndex().getAsDouble()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(p.timeIndex().getAsDouble()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(p.drugIndex().getAsDouble()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(p.consumableIndex().getAsDouble()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(p.lowRiskMortality()).isEmpty();                // A has no deaths (level 0), B is level 4
        assertThat(p.midLowRiskMortality()).isEmpty();
        assertThat(p.alos().getAsDouble()).isEqualTo(6);
        assertThat(p.mortality().getAsDouble()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(p.meanCost().getAsDouble()).isCloseTo(1400.0 / 3, within(1e-9));
    }

    @Test
    void of_hospitalTwo_countsTheUngroupableCaseOnlyInAlosMortalityAndMeanCost() {
        UnitPerformance p = UnitPerformanceCalculator.of("H2", H2, benchmark(all()));

        assertThat(p.cases()).isEqualTo(3);
        assertThat(p.grouped()).isEqualTo(2);
        assertThat(p.cmi().getAsDouble()).isCloseTo(2200.0 / 920 / 2, within(1e-12));
        assertThat(p.costIndex().getAsDouble()).isCloseTo((1 + 1.5) / 2, within(1e-12)); // 200/200, 3000/2000
        assertThat(p.alos().getAsDouble()).isCloseTo(35.0 / 3, within(1e-12));
        assertThat(p.mortality().getAsDouble()).isZero();
        assertThat(p.meanCost().getAsDouble()).isCloseTo(3250.0 / 3, within(1e-9));
    }

    @Test
    void cmi_equalsTotalWeightOverGroupedCases_forEveryUnit() {
        Benchmark b = benchmark(all());
        for (List<UnitCase> unit : List.of(H1, H2)) {
            UnitPerformance p = UnitPerformanceCalculator.of("u", unit, b);
            double sum = unit.stream().filter(UnitCase::grouped).mapToDouble(c -> b.rw(c.drg())).sum();
            assertThat(p.cmi().getAsDouble()).isCloseTo(sum / p.grouped(), within(1e-12));
        }
    }

    @Test
    void lowRiskMortality_isDeathsOverCasesInLevelOneDrgs() {
        // mortality L 1/100, M 1/10, H 1/2: ln −4.605, −2.303, −0.693; μ −2.534, σ 1.966 → L level 1, M and H 3
        List<UnitCase> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.add(new UnitCase("L", true, 100, 3, 0, 0, i == 0));
        }
        for (int i = 0; i < 10; i++) {
            all.add(new UnitCase("M", true, 100, 3, 0, 0, i == 0));
        }
        all.add(new UnitCase("H", true, 100, 3, 0, 0, true));
        all.add(new UnitCase("H", true, 100, 3, 0, 0, false));
        Benchmark b = benchmark(all);
        assertThat(b.riskLevel("L")).isEqualTo(1);
        assertThat(b.riskLevel("M")).isEqualTo(3);

        UnitPerformance p = UnitPerformanceCalculator.of("u", all.subList(0, 10), b); // L cases 0–9, one death

        assertThat(p.lowRiskMortality()).isEqualTo(OptionalDouble.of(0.1));
        assertThat(p.midLowRiskMortality()).isEmpty();
    }

    @Test
    void of_noCases_isEmptyNotZeroOrNaN() {
        UnitPerformance p = UnitPerformanceCalculator.of("none", List.of(), benchmark(all()));

        assertThat(p.cases()).isZero();
        assertThat(p.cmi()).isEmpty();
        assertThat(p.costIndex()).isEmpty();
        assertThat(p.alos()).isEmpty();
        assertThat(p.mortality()).isEmpty();
    }

    @Test
    void costIndex_drgWithZeroBenchmarkCost_isLeftOut() {
        List<UnitCase> unit = List.of(new UnitCase("Z", true, 0, 2, 0, 0, false),
                new UnitCase("A", true, 400, 4, 20, 10, false));
        List<UnitCase> all = new ArrayList<>(all());
        all.addAll(unit);
        Benchmark b = benchmark(all);

        UnitPerformance p = UnitPerformanceCalculator.of("u", unit, b);

        // Z's benchmark mean cost is 0: only A counts; A's benchmark mean is now (100+300+200+400)/4 = 250
        assertThat(p.costIndex().getAsDouble()).isCloseTo(400.0 / 250, within(1e-12));
        assertThat(b.rw("Z")).isZero();
    }
}
