package org.hqd.io.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.rulepack.ClasspathResourceTree;
import org.hqd.casemix.rulepack.ResourceTree;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;

/**
 * The conformance cases of a rule pack ({@code conformance/<pack>.csv} with columns
 * {@code Index,gender,age,ageDay,weight,dept,inHospitalTime,leavingType,ICD10,ICD9} and
 * {@code <pack>.expected.csv} with {@code Index,status,mdc,adrg,drg}), and a check of a grouper against them.
 */
public final class ConformanceSuite {
    private final String packId;
    private final List<ConformanceCase> cases;

    private ConformanceSuite(String packId, List<ConformanceCase> cases) {
        this.packId = packId;
        this.cases = List.copyOf(cases);
    }

    /** The result of a check: how many cases matched, and the first mismatches. */
    public record Report(String packId, int cases, int matched, List<String> mismatches) {
        public boolean passed() {
            return cases > 0 && matched == cases;
        }
    }

    /** The suite shipped with HQD for a bundled pack. */
    public static ConformanceSuite bundled(String packId) {
        return load(new ClasspathResourceTree(ConformanceSuite.class.getClassLoader(), "casemix/conformance"),
                packId);
    }

    /** The suite of {@code <packId>.csv} and {@code <packId>.expected.csv} in a tree. */
    public static ConformanceSuite load(ResourceTree tree, String packId) {
        Map<String, String[]> expected = new HashMap<>();
        read(tree, packId + ".expected.csv", row -> expected.put(row[0], row));
        List<ConformanceCase> cases = new ArrayList<>();
        read(tree, packId + ".csv", c -> {
            String[] e = expected.get(c[0]);
            if (e == null || e.length < 5) {
                throw new HqdException(packId + ".expected.csv：缺少病例 " + c[0] + " 的期望结果");
            }
            cases.add(new ConformanceCase(toAbstract(c), e[1], e[2], e[3], e[4]));
        });
        return new ConformanceSuite(packId, cases);
    }

    public List<ConformanceCase> cases() {
        return cases;
    }

    /** Groups every case and compares status, MDC, ADRG and DRG with the published result. */
    public Report check(DrgGrouper grouper) {
        int matched = 0;
        List<String> mismatches = new ArrayList<>();
        for (ConformanceCase c : cases) {
            GroupingResult r = grouper.group(c.input());
            String got = ConformanceCase.published(r);
            if (got.equals(c.expected())) {
                matched++;
            } else if (mismatches.size() < 50) {
                mismatches.add(c.input().recordId() + "：期望 " + c.expected() + "，实际 " + got);
            }
        }
        return new Report(packId, cases.size(), matched, mismatches);
    }

    /** A row of the conformance layout as a canonical abstract. */
    static DischargeAbstract toAbstract(String[] c) {
        List<String> dx = DischargeAbstract.codes(field(c, 8));
        List<String> proc = DischargeAbstract.codes(field(c, 9));
        return DischargeAbstract.builder()
                .recordId(c[0])
                .sex(Sex.fromCode(field(c, 1)).orElse(Sex.UNKNOWN))
                .ageYears(number(field(c, 2)))
                .ageDays(number(field(c, 3)))
                .birthWeightG(number(field(c, 4)))
                .department(field(c, 5))
                .losDays(number(field(c, 6)))
                .dischargeMethod(field(c, 7))
                .principalDx(dx.isEmpty() ? "" : dx.get(0))
                .secondaryDx(dx.isEmpty() ? List.of() : dx.subList(1, dx.size()))
                .principalProc(proc.isEmpty() ? "" : proc.get(0))
                .otherProcs(proc.isEmpty() ? List.of() : proc.subList(1, proc.size()))
                .build();
    }

    private static String field(String[] c, int i) {
        return i < c.length ? c[i].strip() : "";
    }

    private static int number(String s) {
        return s.isEmpty() ? DischargeAbstract.UNKNOWN : Integer.parseInt(s);
    }

    private static void read(ResourceTree tree, String name, Consumer<String[]> row) {
        try (InputStream in = tree.open(name).orElseThrow(() ->
                new HqdException("找不到一致性测试文件 " + tree.describe() + "/" + name))) {
            CsvChunkReader reader = new CsvChunkReader(in, 1 << 20);
            CsvScanner s = CsvScanner.utf8();
            boolean header = true;
            for (CsvChunk c = reader.next().orElse(null); c != null; c = reader.next().orElse(null)) {
                s.reset(c);
                while (s.next()) {
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] f = new String[s.fieldCount()];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = s.field(i);
                    }
                    row.accept(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
