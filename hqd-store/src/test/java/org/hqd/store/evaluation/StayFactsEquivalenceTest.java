package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.HospitalMeasures;
import org.hqd.evaluation.Measure;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.importing.Importer;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation from the stored facts against the measures computed the way they were before the facts existed, on
 * a small generated province whose abstracts arrive in two files, the later months' half first (so the facts of the
 * first file's stays are revised by the second): the operation measures derived from the procedure strings in the
 * query, and the readmissions by a window over the stays from 31 days before the period's first admission.
 */
final class StayFactsEquivalenceTest {
    /** The readmission count as the evaluation computed it before the facts: a window over the period's stays. */
    private static final String WINDOWED_READMISSIONS = """
            WITH stays AS (
                SELECT hospital_id, discharge_date,
                       admission_date - lag(discharge_date) OVER (PARTITION BY hospital_id, patient_id
                                                                  ORDER BY admission_date, discharge_date) AS days
                FROM case_records
                WHERE patient_id IS NOT NULL
                  AND discharge_date >= (SELECT min(admission_date) FROM case_records
                                         WHERE discharge_date BETWEEN ?::DATE AND ?::DATE) - INTERVAL 31 DAY
                  AND discharge_date <= ?::DATE)
            SELECT hospital_id, count(*) FILTER (WHERE days BETWEEN 0 AND 31)
            FROM stays WHERE discharge_date >= ?::DATE GROUP BY ALL
            """;

    @TempDir
    Path tmp;

    @Test
    void measuresFromFacts_equalThoseComputedFromTheCasesInTheQuery() throws IOException, SQLException {
        Path data = tmp.resolve("data");
        Path src = tmp.resolve("src");
        SyntheticProvince.standard().writeTo(GeneratorSettings.of(6, 6_000, 6, 23), src);
        List<Path> files = splitAbstracts(src);
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            Importer importer = Stores.importer(dir);
            for (Path f : importer.inImportOrder(files)) {
                importer.importFile(f);
            }
            for (String p : List.of("2024-01..2024-06", "2024-03", "2024-02..2024-04")) {
                EvaluationPeriod period = EvaluationPeriod.parse(p);
                MeasureQuery q = new MeasureQuery(dir);
                Map<String, Map<Measure, Double>> fromFacts = new TreeMap<>();
                for (HospitalMeasures h : q.whole(period, q.hospitals(Optional.empty()))) {
                    Map<Measure, Double> m = new TreeMap<>();
                    for (Measure x : OperationMeasures.MEASURES) {
                        if (h.measures().containsKey(x)) {
                            m.put(x, h.measures().get(x));
                        }
                    }
                    if (h.measures().containsKey(Measure.READMISSIONS_31D)) {
                        m.put(Measure.READMISSIONS_31D, h.measures().get(Measure.READMISSIONS_31D));
                    }
                    if (!m.isEmpty()) {
                        fromFacts.put(h.hospitalId(), m);
                    }
                }
                Map<String, Map<Measure, Double>> inQuery = computedInQuery(dir, period);

                assertThat(fromFacts).as(p).isEqualTo(inQuery);
                // the comparison is not between empty sets: the province has operations and readmissions
                assertThat(inQuery.values()).as(p).anySatisfy(m -> {
                    assertThat(m.get(Measure.OPERATED_STAYS)).isPositive();
                    assertThat(m.get(Measure.READMISSIONS_31D)).isPositive();
                });
            }
        }
    }

    private static Map<String, Map<Measure, Double>> computedInQuery(DataDirectory dir, EvaluationPeriod period)
            throws SQLException {
        Map<String, Map<Measure, Double>> out = new TreeMap<>();
        OperationMeasures.onTheFly(OperationMeasures.lists(dir.path()), period, "''").forEach(dir.connection(), r -> {
            Map<Measure, Double> m = out.computeIfAbsent(r.getString(1), k -> new TreeMap<>());
            for (int i = 0; i < OperationMeasures.MEASURES.length; i++) {
                double v = r.getDouble(3 + i);
                if (!r.wasNull()) {
                    m.put(OperationMeasures.MEASURES[i], v);
                }
            }
        });
        try (PreparedStatement s = dir.connection().prepareStatement(WINDOWED_READMISSIONS)) {
            s.setDate(1, Date.valueOf(period.from()));
            s.setDate(2, Date.valueOf(period.to()));
            s.setDate(3, Date.valueOf(period.to()));
            s.setDate(4, Date.valueOf(period.from()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.computeIfAbsent(r.getString(1), k -> new TreeMap<>()).put(Measure.READMISSIONS_31D,
                            r.getDouble(2));
                }
            }
        }
        return out;
    }

    /**
     * The generated files with the abstracts as two files: the rows discharged from 2024-04 first, then the earlier
     * ones (the import order keeps them in this order, after the register and reports).
     */
    private static List<Path> splitAbstracts(Path src) throws IOException {
        List<String> lines = Files.readAllLines(src.resolve("abstracts.csv"));
        int discharge = List.of(lines.get(0).split(",", -1)).indexOf("discharge_date");
        List<String> early = new ArrayList<>(List.of(lines.get(0)));
        List<String> late = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            (line.split(",", -1)[discharge].compareTo("2024-04") >= 0 ? late : early).add(line);
        }
        assertThat(early).hasSizeGreaterThan(100);
        assertThat(late).hasSizeGreaterThan(100);
        Files.delete(src.resolve("abstracts.csv"));
        Path lateFile = Files.write(src.resolve("abstracts-late.csv"), late);
        Path earlyFile = Files.write(src.resolve("abstracts-early.csv"), early);
        List<Path> out = new ArrayList<>();
        for (Path f : Importer.expand(List.of(src))) {
            if (!f.getFileName().toString().startsWith("abstracts")) {
                out.add(f);
            }
        }
        out.add(lateFile);
        out.add(earlyFile);
        return out;
    }
}
