package org.hqd.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

final class IndicatorSetsTest {
    private static final IndicatorSets SETS = IndicatorSets.standard();
    private static final String HEADER = "national_no\tindicator\tname\tdimension\tgroup\tmonitored\n";

    @Test
    void standard_bundlesTheFourSetsWithHqdsOwnAsDefault() {
        assertThat(SETS.ids()).containsExactly("hqd", "national-tertiary", "national-secondary", "hqd-2022");
        assertThat(SETS.defaultSet().id()).isEqualTo(IndicatorSets.DEFAULT);
        assertThat(SETS.defaultSet().members()).hasSize(31);
    }

    @Test
    void nationalTertiary_fiftySixNumberedOneToFiftySixWithTwentySixMonitored() {
        IndicatorSet s = SETS.require("national-tertiary");

        assertThat(s.members()).hasSize(56);
        assertThat(s.members().stream().map(m -> m.nationalNo().getAsInt()))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 56).boxed().toList());
        assertThat(s.members().stream().filter(IndicatorSet.Member::monitored)).hasSize(26);
        assertThat(s.member("grade4_surgery_share").orElseThrow().nationalNo()).isEqualTo(OptionalInt.of(6));
        assertThat(s.member("grade4_surgery_share").orElseThrow().group()).isEqualTo("功能定位");
        // the set's dimension wins over the definition's: 24 EMR is 医疗质量 (服务流程) in the national manual
        assertThat(s.member("emr_level").orElseThrow().indicator().dimension()).isEqualTo(Dimension.QUALITY);
        assertThat(SETS.catalogue().indicator("emr_level").orElseThrow().dimension()).isEqualTo(Dimension.DEVELOPMENT);
        // 14 groups in 4 dimensions
        assertThat(s.members().stream().map(IndicatorSet.Member::group).distinct()).hasSize(14);
        assertThat(s.members().stream().map(m -> m.indicator().dimension()).distinct()).hasSize(4);
    }

    @Test
    void nationalSecondary_twentyEightWithTwentyOneMonitored() {
        IndicatorSet s = SETS.require("national-secondary");

        assertThat(s.members()).hasSize(28);
        assertThat(s.members().stream().filter(IndicatorSet.Member::monitored)).hasSize(21);
        assertThat(s.member("grade3_surgery_share").orElseThrow().nationalNo()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void everyBundledSet_hasABundledTargetSetThatFitsIt() {
        for (IndicatorSet s : SETS.all()) {
            TargetSet t = TargetSet.bundled(s.defaultTargets(), SETS.catalogue());

            assertThat(t.indicatorSet()).as(s.id()).isEqualTo(s.id());
            assertThat(t.problemsWith(s)).as(s.id()).isEmpty();
            assertThat(t.targets()).as(s.id()).isNotEmpty().allSatisfy(x -> assertThat(x.source()).isNotBlank());
        }
    }

    @Test
    void targetSet_ofAnotherIndicatorSet_isAProblem() {
        TargetSet hqd = TargetSet.standard(SETS.catalogue());

        List<String> problems = hqd.problemsWith(SETS.require("national-tertiary"));
        assertThat(problems).first().asString().contains("design-default").contains("hqd");
        assertThat(problems).anyMatch(p -> p.contains("cmi"));
        assertThatThrownBy(() -> new Evaluator(SETS.require("national-tertiary"), hqd, Weights.equal(), 0.1))
                .isInstanceOf(HqdException.class).hasMessageContaining("--targets");
    }

    @Test
    void require_unknownSet_namesTheKnownOnes() {
        assertThatThrownBy(() -> SETS.require("national"))
                .isInstanceOf(HqdException.class).hasMessageContaining("national-tertiary");
    }

    @Test
    void parse_memberOutsideTheCatalogue_namesLine() {
        assertThatThrownBy(() -> IndicatorSet.parse("# id: x\n" + HEADER + "1\tno_such\t\t\t\t\n", "x.tsv",
                SETS.catalogue())).isInstanceOf(HqdException.class).hasMessageContaining("x.tsv 第 3 行")
                .hasMessageContaining("no_such");
    }

    @Test
    void parse_repeatedNumberOrIndicatorOrBadMark_namesLine() {
        assertThatThrownBy(() -> IndicatorSet.parse("# id: x\n" + HEADER + "1\tcmi\t\t\t\t\n1\talos\t\t\t\t\n",
                "x.tsv", SETS.catalogue())).hasMessageContaining("第 4 行").hasMessageContaining("national_no 1");
        assertThatThrownBy(() -> IndicatorSet.parse("# id: x\n" + HEADER + "1\tcmi\t\t\t\t\n2\tcmi\t\t\t\t\n",
                "x.tsv", SETS.catalogue())).hasMessageContaining("第 4 行").hasMessageContaining("重复");
        assertThatThrownBy(() -> IndicatorSet.parse("# id: x\n" + HEADER + "1\tcmi\t\t\t\t是\n",
                "x.tsv", SETS.catalogue())).hasMessageContaining("monitored");
    }

    @Test
    void parse_setNameAndDimension_overrideTheDefinitionsButKeepItsFormula() {
        IndicatorSet s = IndicatorSet.parse("# id: x\n# name: 测试\n" + HEADER + "7\tcmi\t疑难程度\t运营效率\t能力\t▲\n",
                "x.tsv", SETS.catalogue());

        Indicator i = s.members().get(0).indicator();
        assertThat(i.name()).isEqualTo("疑难程度");
        assertThat(i.dimension()).isEqualTo(Dimension.EFFICIENCY);
        assertThat(i.formula()).hasToString("total_weight / grouped_cases");
        assertThat(s.members().get(0).monitored()).isTrue();
        assertThat(s.name()).isEqualTo("测试");
    }
}
