package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hqd.hospital.FacilityReportColumn;
import org.hqd.hospital.HospitalColumn;
import org.hqd.intake.FileKind;
import org.junit.jupiter.api.Test;

final class FileKindTest {
    @Test
    void recognise_abstractColumnsInAnyCaseAndOrder_isAbstracts() {
        assertThat(FileKind.recognise(List.of(" Principal_DX ", "hospital_id", "RECORD_ID", "period", "tier")))
                .contains(FileKind.ABSTRACTS);
    }

    @Test
    void recognise_registerHeader_isHospitals() {
        assertThat(FileKind.recognise(HospitalColumn.header())).contains(FileKind.HOSPITALS);
    }

    @Test
    void recognise_reportHeader_isFacilityReports() {
        assertThat(FileKind.recognise(FacilityReportColumn.header())).contains(FileKind.FACILITY_REPORTS);
    }

    @Test
    void recognise_otherColumns_isEmpty() {
        assertThat(FileKind.recognise(List.of("record_id", "diagnosis", "tier"))).isEmpty();
        assertThat(FileKind.recognise(List.of())).isEmpty();
    }

    @Test
    void recognise_hospitalAndYear_isTheYearlyReport() {
        assertThat(FileKind.recognise(List.of("hospital_id", "year", "health_tech_staff")))
                .contains(FileKind.ANNUAL_REPORTS);
    }

    @Test
    void label_eachKind_isChinese() {
        assertThat(List.of(FileKind.values())).extracting(FileKind::label).containsExactly("病案首页", "医院名册", "机构报表",
                "机构年报");
    }
}
