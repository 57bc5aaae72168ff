package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of every conformance file of shared/casemix (copied, gzipped, by tools/import-casemix.sh) must get
 * the published grouper's status, MDC, ADRG and DRG.
 */
final class ConformanceTest {
    private static final RulePackCatalog CATALOG = RulePackCatalog.bundled();

    static Stream<String> packs() {
        return CATALOG.ids().stream();
    }

    @Test
    void everyBundledPack_hasConformanceCases() {
        assertThat(CATALOG.ids()).hasSize(20).contains("chs-drg-1.1", "chs-drg-1.0", "beijing-2022");
        for (String id : CATALOG.ids()) {
            assertThat(resource(id + ".csv.gz")).as(id).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packs")
    void group_conformanceCases_matchPublishedGrouper(String packId) throws IOException {
        DrgGrouper grouper = DrgGrouper.of(CATALOG.load(packId));
        Map<String, String[]> expected = new LinkedHashMap<>();
        for (String[] row : read(packId + ".expected.csv.gz")) {
            expected.put(row[0], row);
        }
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        for (String[] c : read(packId + ".csv.gz")) {
            n++;
            GroupingResult r = grouper.group(toAbstract(c));
            String[] e = expected.get(c[0]);
            String want = String.join(",", e[1], e[2], e[3], e[4]);
            String got = String.join(",", r.status().label(),
                    r.status() == GroupingStatus.UNGROUPABLE ? "0000" : r.mdc(),
                    r.status() == GroupingStatus.UNGROUPABLE ? "00" : r.adrg(), r.drg());
            if (!want.equals(got)) {
                mismatches.add(c[0] + " " + String.join(",", c) + " want " + want + " got " + got);
            }
        }
        assertThat(n).as("cases read").isEqualTo(expected.size()).isGreaterThan(1000);
        assertThat(mismatches).as(packId + ": " + mismatches.size() + " of " + n + " differ").isEmpty();
    }

    /** Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10,ICD9 → the canonical abstract. */
    static DischargeAbstract toAbstract(String[] c) {
        List<String> dx = split(c[8]);
        List<String> proc = split(c.length > 9 ? c[9] : "");
        return DischargeAbstract.builder()
                .recordId(c[0])
                .sex(Sex.fromCode(c[1]).orElse(Sex.UNKNOWN))
                .ageYears(Integer.parseInt(c[2]))
                .ageDays(c[3].isEmpty() ? DischargeAbstract.UNKNOWN : Integer.parseInt(c[3]))
                .birthWeightG(c[4].isEmpty() ? DischargeAbstract.UNKNOWN : Integer.parseInt(c[4]))
                .department(c[5])
                .losDays(Integer.parseInt(c[6]))
                .dischargeMethod(c[7])
                .principalDx(dx.isEmpty() ? "" : dx.get(0))
                .secondaryDx(dx.isEmpty() ? List.of() : dx.subList(1, dx.size()))
                .principalProc(proc.isEmpty() ? "" : proc.get(0))
                .otherProcs(proc.isEmpty() ? List.of() : proc.subList(1, proc.size()))
                .build();
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\|"));
    }

    private static InputStream resource(String name) {
        return ConformanceTest.class.getClassLoader().getResourceAsStream("casemix/conformance/" + name);
    }

    static List<String[]> read(String name) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(resource(name)),
                StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }
}
