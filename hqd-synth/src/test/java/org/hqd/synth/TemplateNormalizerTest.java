package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.conformance.ConformanceCase;
import org.hqd.io.conformance.ConformanceSuite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class TemplateNormalizerTest {
    static DrgGrouper grouper;
    static TemplateNormalizer normalizer;
    static List<ConformanceCase> cases;

    @BeforeAll
    static void load() {
        grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
        normalizer = new TemplateNormalizer(grouper);
        cases = ConformanceSuite.bundled("chs-drg-1.1").cases();
    }

    @Test
    void normalize_pregnancyCodeOnAMan_femaleMotherAged18To45() {
        DischargeAbstract a = base().sex(Sex.MALE).ageYears(90).principalDx("O99.600x017").principalProc("74.9100")
                .build();
        CaseTemplate t = normalizer.normalize(a).orElseThrow();
        assertThat(t.sex()).isEqualTo(Sex.FEMALE);
        assertThat(t.obstetric()).isTrue();
        assertThat(t.ageMin()).isGreaterThanOrEqualTo(18);
        assertThat(t.ageMax()).isLessThanOrEqualTo(45);
        assertThat(t.drg()).startsWith("O");
    }

    @Test
    void normalize_femaleAndMaleCodes_noTemplate() {
        DischargeAbstract a = base().principalDx("O80.000").secondaryDx(List.of("C61.x00")).build();
        assertThat(normalizer.normalize(a)).isEmpty();
    }

    @Test
    void normalize_unknownPrincipalDiagnosis_noTemplate() {
        assertThat(normalizer.normalize(base().principalDx("XYZ.123").build())).isEmpty();
    }

    @Test
    void normalize_commonAdultCase_eitherSexAndTheAgeBandOfTheCase() {
        CaseTemplate t = normalizer.normalize(base().ageYears(45).principalDx("K35.800x001").build()).orElseThrow();
        assertThat(t.sex()).isEqualTo(Sex.UNKNOWN);
        assertThat(t.ageMin()).isEqualTo(35);
        assertThat(t.ageMax()).isEqualTo(49);
        assertThat(t.weightMin()).isEqualTo(-1);
        assertThat(t.adultDepartment()).isEqualTo(Department.GASTROENTEROLOGY);
    }

    @Test
    void normalize_mdcmAndMdcnCases_maleAndFemale() {
        for (ConformanceCase c : cases) {
            if (c.mdc().equals("MDCM") || c.mdc().equals("MDCN")) {
                Optional<CaseTemplate> t = normalizer.normalize(c.input());
                if (t.isPresent() && t.get().drg().charAt(0) == c.mdc().charAt(3)) {
                    assertThat(t.get().sex()).as(c.input().recordId())
                            .isEqualTo(c.mdc().equals("MDCM") ? Sex.MALE : Sex.FEMALE);
                }
            }
        }
    }

    @Test
    void normalize_newbornCases_newbornRangesWithAWeightBand() {
        int newborns = 0;
        for (ConformanceCase c : cases) {
            Optional<CaseTemplate> t = normalizer.normalize(c.input());
            if (c.mdc().equals("MDCP") && t.isPresent() && t.get().drg().startsWith("P") && t.get().newborn()) {
                newborns++;
                assertThat(t.get().ageMax()).isZero();
                assertThat(t.get().daysMin()).isGreaterThanOrEqualTo(0);
                assertThat(t.get().daysMax()).isLessThanOrEqualTo(28);
                assertThat(t.get().weightMin()).isBetween(500, 5000);
                assertThat(t.get().weightMax()).isBetween(t.get().weightMin(), 5000);
                assertThat(t.get().childDepartment()).isEqualTo(Department.NEONATOLOGY);
            }
        }
        assertThat(newborns).isGreaterThan(100);
    }

    @Test
    void normalize_everyConformanceCase_templateGroupsIntoItsDrgAtTheEndsOfItsRanges() {
        int kept = 0;
        for (ConformanceCase c : cases) {
            Optional<CaseTemplate> o = normalizer.normalize(c.input());
            if (o.isEmpty()) {
                continue;
            }
            kept++;
            CaseTemplate t = o.get();
            for (Sex sex : t.sex().isKnown() ? List.of(t.sex()) : List.of(Sex.MALE, Sex.FEMALE)) {
                assertGroups(c.input(), t, sex, t.ageMin(), t.daysMin(), t.weightMin());
                assertGroups(c.input(), t, sex, t.ageMax(), t.daysMax(), t.weightMax());
            }
        }
        assertThat(kept).isGreaterThan(15_000);
    }

    private static void assertGroups(DischargeAbstract a, CaseTemplate t, Sex sex, int age, int days, int weight) {
        DischargeAbstract v = DischargeAbstract.builder().recordId(a.recordId()).sex(sex).ageYears(age)
                .ageDays(age == 0 ? days : DischargeAbstract.UNKNOWN).birthWeightG(weight).losDays(5)
                .dischargeMethod("1").principalDx(a.principalDx()).secondaryDx(a.secondaryDx())
                .principalProc(a.principalProc()).otherProcs(a.otherProcs()).build();
        GroupingResult r = grouper.group(v);
        assertThat(r.status()).as(a.recordId()).isEqualTo(GroupingStatus.GROUPED);
        assertThat(r.drg()).as(a.recordId()).isEqualTo(t.drg());
    }

    private static DischargeAbstract.Builder base() {
        return DischargeAbstract.builder().recordId("T1").sex(Sex.FEMALE).ageYears(30).losDays(5).dischargeMethod("1");
    }
}
