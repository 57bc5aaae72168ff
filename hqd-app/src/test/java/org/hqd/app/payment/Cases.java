package org.hqd.app.payment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.intake.ImportSettings;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.importing.Importer;

/**
 * Hand-made discharge abstracts for the payment tests: by default an appendectomy (K35.800x001 with 47.0100, GD25
 * under chs-drg-1.1) of five days in March 2024, payer 1, whose whole charge is the bed fee.
 */
final class Cases {
    private final Map<AbstractColumn, String> v = new EnumMap<>(AbstractColumn.class);

    private Cases(String hospital, String record, String total) {
        for (AbstractColumn c : AbstractColumn.values()) {
            v.put(c, "");
        }
        v.put(AbstractColumn.HOSPITAL_ID, hospital);
        v.put(AbstractColumn.RECORD_ID, record);
        v.put(AbstractColumn.PATIENT_ID, "P-" + record);
        v.put(AbstractColumn.SEX, "1");
        v.put(AbstractColumn.BIRTH_DATE, "1989-05-01");
        v.put(AbstractColumn.AGE_YEARS, "34");
        v.put(AbstractColumn.ADMISSION_DATE, "2024-03-01");
        v.put(AbstractColumn.DISCHARGE_DATE, "2024-03-06");
        v.put(AbstractColumn.LOS_DAYS, "5");
        v.put(AbstractColumn.ADMISSION_ROUTE, "1");
        v.put(AbstractColumn.DISCHARGE_METHOD, "1");
        v.put(AbstractColumn.DEPARTMENT, "普外科");
        v.put(AbstractColumn.ATTENDING_PHYSICIAN, "张明");
        v.put(AbstractColumn.PRINCIPAL_DX, "K35.800x001");
        v.put(AbstractColumn.PRINCIPAL_PROC, "47.0100");
        v.put(AbstractColumn.PROC_LEVELS, "3");
        v.put(AbstractColumn.DAY_SURGERY, "0");
        v.put(AbstractColumn.PAYER, "1");
        v.put(AbstractColumn.TOTAL_COST, total);
        for (int i = AbstractColumn.COST_BED.ordinal(); i <= AbstractColumn.COST_OTHER.ordinal(); i++) {
            v.put(AbstractColumn.values()[i], "0.00");
        }
        v.put(AbstractColumn.COST_BED, total);
    }

    static Cases of(String hospital, String record, String total) {
        return new Cases(hospital, record, total);
    }

    Cases set(AbstractColumn c, String value) {
        v.put(c, value);
        return this;
    }

    Cases stay(String admission, String discharge, int days) {
        return set(AbstractColumn.ADMISSION_DATE, admission).set(AbstractColumn.DISCHARGE_DATE, discharge)
                .set(AbstractColumn.LOS_DAYS, String.valueOf(days));
    }

    String csv() {
        return Stream.of(AbstractColumn.values()).map(v::get).collect(Collectors.joining(","));
    }

    /** Writes the rows as an abstracts file and imports it (with no scheme set: chs-drg-1.1). */
    static void importInto(Path data, Path tmp, List<Cases> rows) throws IOException {
        Path file = tmp.resolve("abstracts-" + System.nanoTime() + ".csv");
        Files.writeString(file, Stream.of(AbstractColumn.values()).map(AbstractColumn::column)
                .collect(Collectors.joining(",")) + "\n" + rows.stream().map(Cases::csv)
                .collect(Collectors.joining("\n")) + "\n", StandardCharsets.UTF_8);
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new Importer(dir, RulePackCatalog.bundled(), QualityRuleCatalog.standard(),
                    new ImportSettings(StandardCharsets.UTF_8, 2, Optional.empty())).importFile(file);
        }
    }
}
