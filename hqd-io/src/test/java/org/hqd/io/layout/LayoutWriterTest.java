package org.hqd.io.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.HomepageFee;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.layout.LayoutCatalog;
import org.hqd.io.abstracts.ParsedAbstract;
import org.junit.jupiter.api.Test;

final class LayoutWriterTest {
    private static final LayoutCatalog LAYOUTS = LayoutCatalog.bundled();

    private static DischargeAbstract sample() {
        return DischargeAbstract.builder().hospitalId("H1").recordId("R1").patientId("P1").sex(Sex.FEMALE)
                .birthDate(LocalDate.of(1990, 1, 1)).ageYears(34).admissionDate(LocalDate.of(2024, 3, 1))
                .dischargeDate(LocalDate.of(2024, 3, 6)).losDays(5).admissionRoute("2").dischargeMethod("1")
                .department("普外科").attendingPhysician("H1-D01-01").principalDx("K35.800x001")
                .secondaryDx(List.of("I10.x00x002", "E11.900")).principalProc("47.0100").otherProcs(List.of("54.2100"))
                .procLevels(List.of(3, 2)).daySurgery(true).payer("城乡居民基本医疗保险").totalCost(10000)
                .charges(Charges.of(500, 100, 800, 600, 1200, 2500, 300, 1500, 1800, 0, 200, 300, 0, 200))
                .build();
    }

    /** The abstract written in a layout and read back: what every layout holds comes back unchanged. */
    private static DischargeAbstract roundTrip(Layout layout, DischargeAbstract a) throws IOException {
        LayoutWriter w = new LayoutWriter(layout, Map.of("H1", "ORG1"), 3, 2, Optional.empty());
        List<List<String>> rows = new ArrayList<>();
        w.rows(a).forEach(r -> rows.add(List.of(r)));
        String csv = LayoutSamples.csv(w.header(), rows);
        List<ParsedAbstract> back = LayoutSamples.parse(csv.getBytes(StandardCharsets.UTF_8), "w.csv",
                Optional.empty(), Optional.empty());
        assertThat(back).hasSize(1);
        assertThat(back.get(0).problems()).isEmpty();
        return back.get(0).abstract_();
    }

    @Test
    void rows_everyBundledLayout_isRecognisedAndReadsBackTheCasesCodesAndCostSums() throws IOException {
        for (Layout l : LAYOUTS.layouts()) {
            if (l.isCanonical()) {
                continue;
            }
            DischargeAbstract a = sample();
            DischargeAbstract b = roundTrip(l, a);

            assertThat(b.hospitalId()).as(l.name()).isEqualTo("ORG1");
            assertThat(List.of(b.recordId(), b.patientId(), b.sex(), b.principalDx(), b.secondaryDx(),
                    b.principalProc(), b.otherProcs(), b.losDays(), b.dischargeMethod(), b.department(), b.payer(),
                    b.daySurgery())).as(l.name()).isEqualTo(List.of(a.recordId(), a.patientId(), a.sex(),
                    a.principalDx(), a.secondaryDx(), a.principalProc(), a.otherProcs(), a.losDays(),
                    a.dischargeMethod(), a.department(), a.payer(), a.daySurgery()));
            assertThat(b.totalCost()).as(l.name()).isEqualTo(10000);
            assertThat(b.charges().total()).as(l.name()).isEqualTo(10000);
            assertThat(b.charges().drugs()).as(l.name()).isEqualTo(a.charges().drugs());
            assertThat(b.charges().get(org.hqd.casemix.abstracts.ChargeCategory.MATERIAL)).isEqualTo(1500);
            assertThat(b.charges().get(org.hqd.casemix.abstracts.ChargeCategory.EXAM)
                    + b.charges().get(org.hqd.casemix.abstracts.ChargeCategory.LAB)).isEqualTo(1400);
        }
    }

    @Test
    void rows_frontSheet_foldsBedConsultationAndRegistrationIntoGeneralServiceAndKeepsTheGrades() throws IOException {
        DischargeAbstract b = roundTrip(LAYOUTS.named("hqms-chinese"), sample());

        assertThat(b.charges()).isEqualTo(Charges.of(0, 0, 800, 600, 1200, 2500, 300, 1500, 1800, 0, 200, 900, 0, 200));
        assertThat(b.procLevels()).containsExactly(3, 2);
        assertThat(b.homepageFees().get(HomepageFee.GENERAL_MEDICAL)).isEqualTo(900 + 1200 + 300 + 200);
    }

    @Test
    void rows_settlementLines_oneRowPerLineWithTheStayRepeated() {
        LayoutWriter w = new LayoutWriter(LAYOUTS.named("settlement-lines"), Map.of(), 3, 2, Optional.empty());

        List<String[]> rows = w.rows(sample());

        assertThat(rows).hasSize(3);
        int key = w.header().indexOf("清单流水号");
        int dx = w.header().indexOf("诊断代码");
        int principal = w.header().indexOf("主诊断标志");
        assertThat(rows).extracting(r -> r[key]).containsOnly("R1");
        assertThat(rows).extracting(r -> r[dx]).containsExactly("K35.800x001", "I10.x00x002", "E11.900");
        assertThat(rows).extracting(r -> r[principal]).containsExactly("1", "0", "0");
    }
}
