package org.hqd.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hqd.HqdException;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.junit.jupiter.api.Test;

final class PaymentRulesLoaderTest {

    @Test
    void standard_namesItsSourcesAndInsuresBasicMedicalInsuranceOnly() {
        PaymentRules r = PaymentRules.standard();

        assertThat(r.id()).isEqualTo("chs-drg-points");
        assertThat(r.pointsPerWeight()).isEqualTo(100);
        assertThat(r.payers().all()).extracting(Payer::code).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(r.payers().all()).filteredOn(Payer::insured).extracting(Payer::code).containsExactly("1", "2", "3");
        assertThat(r.high().bands()).extracting(OutlierBand::multiple).containsExactly(3.0, 2.0, 1.5);
        assertThat(r.high().multipleFor(1.0)).isEqualTo(3.0);
        assertThat(r.high().multipleFor(1.0001)).isEqualTo(2.0);
        assertThat(r.high().multipleFor(7)).isEqualTo(1.5);
        assertThat(r.low().costBelow()).isEqualTo(0.4);
        assertThat(r.special()).extracting(SpecialCase::id).containsExactly("death-24h", "transfer");
        assertThat(r.source()).contains("点数法");
        assertThat(r.high().source()).isNotBlank();
        assertThat(r.payers().source()).contains("YLFKFS");
    }

    @Test
    void parse_manyProblems_reportsEveryOneWithItsPointer() {
        String json = """
                {"format": "payment-rules/1", "id": "bad", "source": "测试", "pointsPerWeight": 100,
                 "payers": {"source": "s", "codes": [
                    {"code": "10", "name": "职工", "insured": true},
                    {"code": "7", "name": "职工", "insured": false}]},
                 "high": {"source": "s", "bands": [{"weightAtMost": 2, "multiple": 2}, {"weightAtMost": 1, "multiple": 3},
                           {"multiple": 1.5}], "points": "BASE_PLUS_EXCESS"},
                 "low": {"source": "s", "costBelow": 0.4, "points": "HALF"},
                 "special": [{"id": "d", "label": "x", "source": "s", "when": {"dischargeMethodIn": ["6"], "icu": true},
                              "points": "COST"}],
                 "review": {"label": "特病单议", "source": "s", "points": "PROPORTIONAL"},
                 "ungrouped": {"label": "无法入组", "source": "s", "points": "COST"}}
                """;

        assertThatThrownBy(() -> PaymentRulesLoader.parse(json, "bad.json"))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                        .extracting(RuleFileProblem::where).containsExactlyInAnyOrder(
                                "/payers/codes/0/code", "/payers/codes/1", "/high/bands/1/weightAtMost",
                                "/low/points", "/special/0/when/icu", "/special/0/when/dischargeMethodIn",
                                "/review/points"))
                .hasMessageContaining("bad.json 有 7 处错误");
    }

    @Test
    void parse_notJson_namesTheFile() {
        assertThatThrownBy(() -> PaymentRulesLoader.parse("{ nope", "rules.json"))
                .isInstanceOf(HqdException.class).hasMessageStartingWith("rules.json 不是有效的 JSON");
    }

    @Test
    void parse_emptyObject_missingPartsAllReported() {
        assertThatThrownBy(() -> PaymentRulesLoader.parse("{}", "empty.json"))
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.problems())
                        .extracting(RuleFileProblem::where)
                        .contains("/format", "/id", "/pointsPerWeight", "/payers/codes", "/high/bands", "/low/costBelow",
                                "/review/points"));
    }
}
