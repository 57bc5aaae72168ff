package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hqd.evaluation.Status.MET;
import static org.hqd.evaluation.Status.NOT_MET;
import static org.hqd.evaluation.Status.NO_DATA;
import static org.hqd.evaluation.Status.WARNING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hqd.evaluation.Monitoring.Change;
import org.hqd.evaluation.Monitoring.Series;
import org.hqd.evaluation.Monitoring.Trend;
import org.hqd.hospital.HospitalTier;
import org.junit.jupiter.api.Test;

/**
 * Four hand-built monthly evaluations (2024-01..04) over the standard cmi (higher better, target ≥ 1.2), alos
 * (lower better, target &lt; 8) and drg_count (no target).
 *
 * <pre>
 * H1 cmi        1.0 NOT_MET  1.1 WARNING  1.3 MET      1.4 MET
 * H1 alos       9   NOT_MET  8.5 WARNING  8   WARNING  7   MET
 * H1 drg_count  100 -        110 -        120 -        130 -
 * H2 cmi        1.5 MET      1.4 MET      1.3 MET      1.1 WARNING
 * H2 alos       7   MET      7.5 MET      9   NOT_MET  8.5 WARNING
 * H3 cmi        1.00 NOT_MET 1.01 NOT_MET 1.00 NOT_MET 1.01 NOT_MET
 * H3 alos       7.5 MET      (none)       8.5 WARNING  9.5 NOT_MET
 * H4 cmi        (absent)     1.25 MET     (absent)     (absent)
 * </pre>
 */
final class MonitoringTest {
    private static final IndicatorCatalog STANDARD = IndicatorCatalog.standard();
    private static final Target CMI = new Target("cmi", Optional.empty(), Comparison.GE, 1.2, OptionalInt.empty(),
            "t:1");
    private static final Target ALOS = new Target("alos", Optional.empty(), Comparison.LT, 8, OptionalInt.empty(),
            "t:2");
    private static final TargetSet TARGETS = new TargetSet("t", "测试", List.of(CMI, ALOS));
    private static final List<String> MONTHS = List.of("2024-01", "2024-02", "2024-03", "2024-04");

    private static EvaluationRow row(String hospital, String indicator, Double value, Status status) {
        Optional<Target> t = switch (indicator) {
            case "cmi" -> Optional.of(CMI);
            case "alos" -> Optional.of(ALOS);
            default -> Optional.empty();
        };
        OptionalDouble v = value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
        OptionalDouble gap = v.isPresent() && t.isPresent() ? OptionalDouble.of(value - t.get().value())
                : OptionalDouble.empty();
        return new EvaluationRow(hospital, "医院" + hospital, Optional.of(HospitalTier.COUNTY), Optional.empty(),
                STANDARD.indicator(indicator).orElseThrow(), v, "病案首页", "", t, Optional.ofNullable(status), gap,
                OptionalInt.empty(), 0, OptionalDouble.empty());
    }

    private static Evaluation month(String month, EvaluationRow... rows) {
        return new Evaluation(EvaluationPeriod.parse(month), IndicatorSets.standard().defaultSet(), TARGETS, 0.10,
                Arrays.asList(rows), List.of(), List.of(), new TierFigures(List.of(), List.of()));
    }

    private static Map<String, Evaluation> province() {
        Map<String, Evaluation> m = new LinkedHashMap<>();
        m.put("2024-01", month("2024-01",
                row("H1", "cmi", 1.0, NOT_MET), row("H1", "alos", 9.0, NOT_MET), row("H1", "drg_count", 100.0, null),
                row("H2", "cmi", 1.5, MET), row("H2", "alos", 7.0, MET),
                row("H3", "cmi", 1.00, NOT_MET), row("H3", "alos", 7.5, MET)));
        m.put("2024-02", month("2024-02",
                row("H1", "cmi", 1.1, WARNING), row("H1", "alos", 8.5, WARNING), row("H1", "drg_count", 110.0, null),
                row("H2", "cmi", 1.4, MET), row("H2", "alos", 7.5, MET),
                row("H3", "cmi", 1.01, NOT_MET), row("H3", "alos", null, NO_DATA),
                row("H4", "cmi", 1.25, MET)));
        m.put("2024-03", month("2024-03",
                row("H1", "cmi", 1.3, MET), row("H1", "alos", 8.0, WARNING), row("H1", "drg_count", 120.0, null),
                row("H2", "cmi", 1.3, MET), row("H2", "alos", 9.0, NOT_MET),
                row("H3", "cmi", 1.00, NOT_MET), row("H3", "alos", 8.5, WARNING)));
        m.put("2024-04", month("2024-04",
                row("H1", "cmi", 1.4, MET), row("H1", "alos", 7.0, MET), row("H1", "drg_count", 130.0, null),
                row("H2", "cmi", 1.1, WARNING), row("H2", "alos", 8.5, WARNING),
                row("H3", "cmi", 1.01, NOT_MET), row("H3", "alos", 9.5, NOT_MET)));
        return m;
    }

    private static Series series(Monitoring m, String hospital, String indicator) {
        return m.series().stream().filter(s -> s.hospitalId().equals(hospital) && s.indicator().id().equals(indicator))
                .findFirst().orElseThrow();
    }

    private static OptionalDouble[] values(Double... v) {
        return Arrays.stream(v).map(x -> x == null ? OptionalDouble.empty() : OptionalDouble.of(x))
                .toArray(OptionalDouble[]::new);
    }

    private static Monitoring twoMonths(String indicator, double first, double second) {
        Map<String, Evaluation> m = new LinkedHashMap<>();
        m.put("2024-01", month("2024-01", row("H", indicator, first, null)));
        m.put("2024-02", month("2024-02", row("H", indicator, second, null)));
        return Monitoring.of(m);
    }

    // ---- series and trends

    @Test
    void series_oneForEachHospitalAndIndicatorInFirstAppearanceOrder() {
        Monitoring m = Monitoring.of(province());

        assertThat(m.series()).extracting(s -> s.hospitalId() + ":" + s.indicator().id()).containsExactly(
                "H1:cmi", "H1:alos", "H1:drg_count", "H2:cmi", "H2:alos", "H3:cmi", "H3:alos", "H4:cmi");
        assertThat(series(m, "H1", "cmi").months()).isEqualTo(MONTHS);
        assertThat(series(m, "H1", "cmi").hospitalName()).isEqualTo("医院H1");
    }

    @Test
    void series_valuesAndStatusesPerMonth() {
        Series h3 = series(Monitoring.of(province()), "H3", "alos");

        assertThat(h3.values()).containsExactly(values(7.5, null, 8.5, 9.5));
        assertThat(h3.statuses()).containsExactly(Optional.of(MET), Optional.of(NO_DATA), Optional.of(WARNING),
                Optional.of(NOT_MET));
    }

    @Test
    void series_higherBetterRising_isImproving() {
        Series s = series(Monitoring.of(province()), "H1", "cmi");
        // x 0..3, y 1.0 1.1 1.3 1.4: n 4, Σx 6, Σy 4.8, Σx² 14, Σxy 7.9
        // slope (4·7.9 − 6·4.8)/(4·14 − 36) = 2.8/20 = 0.14 ≥ 1 % of the mean 1.2
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(0.14, within(1e-12));
        assertThat(s.trend()).contains(Trend.IMPROVING);
    }

    @Test
    void series_higherBetterFalling_isWorsening() {
        Series s = series(Monitoring.of(province()), "H2", "cmi");
        // y 1.5 1.4 1.3 1.1: Σy 5.3, Σxy 7.3; slope (29.2 − 31.8)/20 = −0.13
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(-0.13, within(1e-12));
        assertThat(s.trend()).contains(Trend.WORSENING);
    }

    @Test
    void series_lowerBetterFalling_isImproving() {
        Series s = series(Monitoring.of(province()), "H1", "alos");
        // y 9 8.5 8 7: Σy 32.5, Σxy 45.5; slope (182 − 195)/20 = −0.65
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(-0.65, within(1e-12));
        assertThat(s.trend()).contains(Trend.IMPROVING);
    }

    @Test
    void series_lowerBetterRising_isWorsening() {
        Series s = series(Monitoring.of(province()), "H2", "alos");
        // y 7 7.5 9 8.5: Σy 32, Σxy 51; slope (204 − 192)/20 = 0.6
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(0.6, within(1e-12));
        assertThat(s.trend()).contains(Trend.WORSENING);
    }

    @Test
    void series_withoutTargetStillHasATrend() {
        Series s = series(Monitoring.of(province()), "H1", "drg_count");
        // y 100 110 120 130: Σy 460, Σxy 740; slope (2960 − 2760)/20 = 10
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(10, within(1e-12));
        assertThat(s.trend()).contains(Trend.IMPROVING);
        assertThat(s.statuses()).containsOnly(Optional.empty());
    }

    @Test
    void series_slopeBelowOnePercentOfMean_isStable() {
        Series s = series(Monitoring.of(province()), "H3", "cmi");
        // y 1.00 1.01 1.00 1.01: Σy 4.02, Σxy 6.04; slope (24.16 − 24.12)/20 = 0.002 < 0.01 · 1.005
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(0.002, within(1e-12));
        assertThat(s.trend()).contains(Trend.STABLE);
    }

    @Test
    void series_monthWithoutValueIsSkippedButKeepsItsPlace() {
        Series s = series(Monitoring.of(province()), "H3", "alos");
        // points (0, 7.5), (2, 8.5), (3, 9.5): n 3, Σx 5, Σy 25.5, Σx² 13, Σxy 45.5
        // slope (3·45.5 − 5·25.5)/(3·13 − 25) = 9/14 (re-indexing the months 0, 1, 2 would give 1.0)
        assertThat(s.slopePerMonth().getAsDouble()).isCloseTo(9.0 / 14, within(1e-12));
        assertThat(s.trend()).contains(Trend.WORSENING);
    }

    @Test
    void series_hospitalAbsentFromMonths_hasEmptyCellsAndNoTrendWithOneValue() {
        Series s = series(Monitoring.of(province()), "H4", "cmi");

        assertThat(s.values()).containsExactly(values(null, 1.25, null, null));
        assertThat(s.statuses()).containsExactly(Optional.empty(), Optional.of(MET), Optional.empty(),
                Optional.empty());
        assertThat(s.slopePerMonth()).isEmpty();
        assertThat(s.trend()).isEmpty();
    }

    @Test
    void trend_thresholdIsOnePercentOfTheMeanPerMonth() {
        // 100 → 101: slope 1 < 0.01 · 100.5 = 1.005: stable
        assertThat(Monitoring.of(Map.of()).series()).isEmpty();
        assertThat(twoMonths("cmi", 100, 101).series().get(0).trend()).contains(Trend.STABLE);
        // 100 → 102: slope 2 ≥ 0.01 · 101 = 1.01
        assertThat(twoMonths("cmi", 100, 102).series().get(0).trend()).contains(Trend.IMPROVING);
        assertThat(twoMonths("alos", 100, 102).series().get(0).trend()).contains(Trend.WORSENING);
        assertThat(twoMonths("alos", 102, 100).series().get(0).trend()).contains(Trend.IMPROVING);
        // no change at all, also at zero
        assertThat(twoMonths("cmi", 0, 0).series().get(0).trend()).contains(Trend.STABLE);
        assertThat(twoMonths("cmi", 0, 0).series().get(0).slopePerMonth()).hasValue(0.0);
    }

    @Test
    void slope_leastSquaresOverPresentValues() {
        // (0, 2), (1, 4): slope 2
        assertThat(Monitoring.slope(List.of(values(2.0, 4.0)))).hasValue(2.0);
        // (0, 1), (2, 3), (3, 4): n 3, Σx 5, Σy 8, Σx² 13, Σxy 18 → (54 − 40)/(39 − 25) = 1
        assertThat(Monitoring.slope(List.of(values(1.0, null, 3.0, 4.0))).getAsDouble()).isCloseTo(1.0,
                within(1e-12));
        // (0, 3), (1, 5), (2, 4): n 3, Σx 3, Σy 12, Σx² 5, Σxy 13 → (39 − 36)/(15 − 9) = 0.5
        assertThat(Monitoring.slope(List.of(values(3.0, 5.0, 4.0))).getAsDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(Monitoring.slope(List.of(values(5.0)))).isEmpty();
        assertThat(Monitoring.slope(List.of(values(null, 5.0, null)))).isEmpty();
        assertThat(Monitoring.slope(List.of())).isEmpty();
    }

    // ---- changes

    @Test
    void changes_fromMetToWarningOrNotMet() {
        List<Change> changes = Monitoring.of(province()).changes();

        assertThat(changes).extracting(c -> c.hospitalId() + ":" + c.indicator().id() + " " + c.from() + "→" + c.to()
                + " " + c.toStatus()).containsExactly(
                "H2:cmi 2024-03→2024-04 WARNING",
                "H2:alos 2024-02→2024-03 NOT_MET",
                "H3:alos 2024-01→2024-03 WARNING"); // the NO_DATA month 2024-02 is skipped over
    }

    @Test
    void changes_carryTheValueAndTargetOfTheNotMetMonth() {
        List<Change> changes = Monitoring.of(province()).changes();

        Change h2cmi = changes.get(0);
        assertThat(h2cmi.hospitalName()).isEqualTo("医院H2");
        assertThat(h2cmi.value()).hasValue(1.1);
        assertThat(h2cmi.target()).contains(CMI);
        Change h3alos = changes.get(2);
        assertThat(h3alos.value()).hasValue(8.5);
        assertThat(h3alos.target()).contains(ALOS);
    }

    @Test
    void changes_notFromNotMetOrWarningNorIntoNoData() {
        Map<String, Evaluation> m = new LinkedHashMap<>();
        m.put("2024-01", month("2024-01", row("A", "cmi", 1.1, WARNING), row("B", "cmi", 1.3, MET)));
        m.put("2024-02", month("2024-02", row("A", "cmi", 1.0, NOT_MET), row("B", "cmi", null, NO_DATA)));
        m.put("2024-03", month("2024-03", row("A", "cmi", 1.3, MET), row("B", "cmi", 1.25, MET)));

        // A: WARNING→NOT_MET→MET, B: MET→NO_DATA→MET: no 达标→未达标 change
        assertThat(Monitoring.of(m).changes()).isEmpty();
    }

    // ---- follow-up

    @Test
    void followUp_isTheWarningAndNotMetRowsOfTheLastMonth() {
        Monitoring m = Monitoring.of(province());

        assertThat(m.followUp()).extracting(r -> r.hospitalId() + ":" + r.indicator().id() + " " + r.status().get())
                .containsExactly("H2:cmi WARNING", "H2:alos WARNING", "H3:cmi NOT_MET", "H3:alos NOT_MET");
    }

    @Test
    void followUp_excludesNoDataAndRowsWithoutStatus() {
        Map<String, Evaluation> m = new LinkedHashMap<>();
        m.put("2024-01", month("2024-01", row("A", "cmi", 1.0, NOT_MET)));
        m.put("2024-02", month("2024-02", row("A", "cmi", null, NO_DATA), row("A", "drg_count", 5.0, null),
                row("B", "cmi", 1.15, WARNING)));

        assertThat(Monitoring.of(m).followUp()).extracting(EvaluationRow::hospitalId).containsExactly("B");
    }

    @Test
    void of_noMonths_isEmpty() {
        Monitoring m = Monitoring.of(new LinkedHashMap<>());

        assertThat(m.series()).isEmpty();
        assertThat(m.changes()).isEmpty();
        assertThat(m.followUp()).isEmpty();
    }

    @Test
    void of_monthsAreTakenInTheMapsOrder() {
        List<String> order = new ArrayList<>(Monitoring.of(province()).series().get(0).months());

        assertThat(order).containsExactlyElementsOf(MONTHS);
    }
}
