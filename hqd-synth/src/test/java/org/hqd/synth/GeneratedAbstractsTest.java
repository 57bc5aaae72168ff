package org.hqd.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.io.abstracts.ParsedAbstract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every generated discharge abstract passes the importer's quality rules, groups, and looks like real data. */
final class GeneratedAbstractsTest {
    static final GeneratorSettings SETTINGS = new GeneratorSettings(20, 20_000, 3, 11, YearMonth.of(2024, 1), 2);

    @TempDir
    static Path dir;
    static List<DischargeAbstract> abstracts = new ArrayList<>();
    static List<ParsedAbstract> parsed;
    static Map<String, String> tiers = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        SyntheticProvince.standard().writeTo(SETTINGS, dir);
        parsed = CsvFiles.abstracts(dir.resolve(SyntheticProvince.ABSTRACTS_FILE));
        parsed.forEach(p -> abstracts.add(p.abstract_()));
        for (Map<String, String> h : CsvFiles.rows(dir.resolve(SyntheticProvince.HOSPITALS_FILE))) {
            tiers.put(h.get("hospital_id"), h.get("tier"));
        }
    }

    @Test
    void abstracts_everyRow_parsesWithoutProblems() {
        assertThat(parsed).hasSize(20_000);
        assertThat(parsed).allSatisfy(p -> assertThat(p.problems()).isEmpty());
    }

    @Test
    void abstracts_everyRow_chargesSumToTotalCost() {
        for (DischargeAbstract a : abstracts) {
            double sum = 0;
            for (ChargeCategory c : ChargeCategory.values()) {
                assertThat(a.charges().get(c)).as(a.recordId()).isGreaterThanOrEqualTo(0);
                sum += a.charges().get(c);
            }
            assertThat(Math.abs(sum - a.totalCost())).as(a.recordId()).isLessThanOrEqualTo(0.005);
            assertThat(a.totalCost()).isPositive();
        }
    }

    @Test
    void abstracts_everyRow_datesAgreeWithLengthOfStayAndAge() {
        LocalDate first = LocalDate.of(2024, 1, 1);
        LocalDate last = LocalDate.of(2024, 3, 31);
        for (DischargeAbstract a : abstracts) {
            assertThat(a.dischargeDate()).as(a.recordId()).isBetween(first, last);
            assertThat(a.admissionDate()).as(a.recordId()).isBeforeOrEqualTo(a.dischargeDate());
            assertThat(ChronoUnit.DAYS.between(a.admissionDate(), a.dischargeDate())).as(a.recordId())
                    .isEqualTo(a.losDays());
            assertThat(ChronoUnit.YEARS.between(a.birthDate(), a.admissionDate())).as(a.recordId())
                    .isEqualTo(a.ageYears());
            if (a.ageYears() == 0) {
                assertThat(ChronoUnit.DAYS.between(a.birthDate(), a.admissionDate())).as(a.recordId())
                        .isEqualTo(a.ageDays());
            }
        }
    }

    @Test
    void abstracts_newborns_haveABirthWeight() {
        List<DischargeAbstract> newborns = abstracts.stream().filter(a -> a.ageYears() == 0 && a.ageDays() <= 28)
                .toList();
        assertThat(newborns).isNotEmpty();
        assertThat(newborns).allSatisfy(a -> assertThat(a.birthWeightG()).as(a.recordId()).isBetween(100, 9999));
    }

    @Test
    void abstracts_sexSpecificCodes_agreeWithSex() {
        for (DischargeAbstract a : abstracts) {
            List<String> dx = new ArrayList<>(a.secondaryDx());
            dx.add(a.principalDx());
            List<String> procs = new ArrayList<>(a.otherProcs());
            if (a.hasProcedure()) {
                procs.add(a.principalProc());
            }
            int mask = SexSpecificCodes.of(dx, procs);
            if (dx.stream().anyMatch(d -> d.startsWith("O"))) {
                assertThat(a.sex()).as(a.recordId()).isEqualTo(Sex.FEMALE);
                assertThat(a.ageYears()).as(a.recordId()).isBetween(18, 45);
            }
            if (mask == SexSpecificCodes.FEMALE) {
                assertThat(a.sex()).as(a.recordId()).isEqualTo(Sex.FEMALE);
            } else if (mask == SexSpecificCodes.MALE) {
                assertThat(a.sex()).as(a.recordId()).isEqualTo(Sex.MALE);
            }
        }
    }

    @Test
    void abstracts_procedureGrades_onePerProcedureFromOneToFour() {
        for (DischargeAbstract a : abstracts) {
            int procedures = a.hasProcedure() ? 1 + a.otherProcs().size() : 0;
            assertThat(a.procLevels()).as(a.recordId()).hasSize(procedures);
            assertThat(a.procLevels()).as(a.recordId()).allSatisfy(l -> assertThat(l).isBetween(1, 4));
            if (a.daySurgery()) {
                assertThat(a.losDays()).as(a.recordId()).isLessThanOrEqualTo(1);
                assertThat(a.hasProcedure()).as(a.recordId()).isTrue();
            }
        }
    }

    @Test
    void abstracts_ids_registeredAndUnique() {
        Set<String> keys = new HashSet<>();
        for (DischargeAbstract a : abstracts) {
            assertThat(tiers).as(a.recordId()).containsKey(a.hospitalId());
            assertThat(keys.add(a.hospitalId() + "/" + a.recordId())).as(a.recordId()).isTrue();
            assertThat(a.attendingPhysician()).startsWith(a.hospitalId() + "-D");
            assertThat(a.patientId()).matches("P\\d{12}");
        }
    }

    @Test
    void abstracts_physicians_eachInOneDepartmentWithSeveralPerDepartment() {
        Map<String, String> departmentOf = new HashMap<>();
        Map<String, Set<String>> physiciansOf = new HashMap<>();
        for (DischargeAbstract a : abstracts) {
            String previous = departmentOf.putIfAbsent(a.attendingPhysician(), a.department());
            assertThat(previous == null || previous.equals(a.department())).as(a.attendingPhysician()).isTrue();
            physiciansOf.computeIfAbsent(a.hospitalId() + a.department(), k -> new HashSet<>())
                    .add(a.attendingPhysician());
        }
        assertThat(physiciansOf.values().stream().mapToInt(Set::size).max().orElse(0)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void abstracts_grouped_mostlyIntoDrgsAndManyOfThem() {
        DrgGrouper grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
        Set<String> drgs = new HashSet<>();
        int grouped = 0;
        for (DischargeAbstract a : abstracts) {
            GroupingResult r = grouper.group(a);
            if (r.status() == GroupingStatus.GROUPED) {
                grouped++;
                drgs.add(r.drg());
                if (r.mdc().equals("MDCP")) {
                    assertThat(a.ageYears()).as(a.recordId()).isZero();
                }
                if (r.mdc().equals("MDCN") || r.mdc().equals("MDCO")) {
                    assertThat(a.sex()).as(a.recordId()).isEqualTo(Sex.FEMALE);
                }
                if (r.mdc().equals("MDCM")) {
                    assertThat(a.sex()).as(a.recordId()).isEqualTo(Sex.MALE);
                }
            }
        }
        assertThat(grouped).isGreaterThanOrEqualTo(18_000);
        assertThat(drgs.size()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void abstracts_patients_fiveToTenPercentReadmittedWithin31DaysToTheSameHospital() {
        Map<String, List<DischargeAbstract>> byPatient = new HashMap<>();
        abstracts.forEach(a -> byPatient.computeIfAbsent(a.patientId(), k -> new ArrayList<>()).add(a));
        long twice = 0;
        for (List<DischargeAbstract> stays : byPatient.values()) {
            if (stays.size() > 1) {
                twice++;
                assertThat(stays).hasSize(2);
                DischargeAbstract x = stays.get(0);
                DischargeAbstract y = stays.get(1);
                DischargeAbstract earlier = x.admissionDate().isBefore(y.admissionDate()) ? x : y;
                DischargeAbstract later = earlier == x ? y : x;
                assertThat(later.hospitalId()).isEqualTo(earlier.hospitalId());
                assertThat(later.birthDate()).isEqualTo(earlier.birthDate());
                assertThat(ChronoUnit.DAYS.between(earlier.dischargeDate(), later.admissionDate())).isBetween(0L, 31L);
            }
        }
        assertThat(twice / (double) byPatient.size()).isBetween(0.04, 0.11);
    }

    @Test
    void abstracts_dischargeMethods_mostlyHomeWithRareDeaths() {
        Map<String, Integer> methods = new HashMap<>();
        abstracts.forEach(a -> methods.merge(a.dischargeMethod(), 1, Integer::sum));
        assertThat(methods.keySet()).containsAnyOf("1", "2", "3", "4", "5", "9").isSubsetOf("1", "2", "3", "4", "5", "9");
        assertThat(methods.get("1")).isGreaterThan(18_000);
        assertThat(methods.get("5") / 20_000.0).isBetween(0.002, 0.02);
    }

    @Test
    void abstracts_higherTiers_moreSurgeryHigherGradesAndHigherCosts() {
        double[] national = tierStats("NATIONAL_CENTER", "NATIONAL_REGIONAL");
        double[] county = tierStats("COUNTY");
        assertThat(national[0]).as("share with a procedure").isGreaterThan(county[0] + 0.1);
        assertThat(national[1]).as("share of grade 4 among stays with a procedure").isGreaterThan(county[1]);
        assertThat(national[2]).as("mean cost").isGreaterThan(1.5 * county[2]);
    }

    /** Share of stays with a procedure, share of grade 4 among them, mean cost. */
    private static double[] tierStats(String... tierNames) {
        Set<String> wanted = Set.of(tierNames);
        double n = 0;
        double withProcedure = 0;
        double grade4 = 0;
        double cost = 0;
        for (DischargeAbstract a : abstracts) {
            if (wanted.contains(tiers.get(a.hospitalId()))) {
                n++;
                cost += a.totalCost();
                if (a.hasProcedure()) {
                    withProcedure++;
                    grade4 += a.procLevels().contains(4) ? 1 : 0;
                }
            }
        }
        return new double[] {withProcedure / n, grade4 / withProcedure, cost / n};
    }
}
