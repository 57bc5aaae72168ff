package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser on every policy document HQD ships with, against the ledgers written by reading the documents
 * ({@code expected/}, see its README): the number of plans in each, and for the well-formed plans every task with
 * its section, number, title, units, deadlines and first line; the targets separately.
 */
class PolicyDocumentsTest {
    static final PlanParser PARSER = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());

    static String document(String name) {
        String path = name.startsWith("tianjin") ? "/org/hqd/ledger/samples/" + name + ".txt"
                : "/org/hqd/ledger/documents/" + name + ".txt";
        return resource(path);
    }

    static String resource(String path) {
        try (InputStream in = PolicyDocumentsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + path, e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "tianjin-gazette-2022-19-20, 3",
        "hospital-plans-collection-a, 5",
        "hospital-plans-collection-b, 5",
        "plans-collection-soe-forestry-hospital, 22"})
    void findsEveryPlanOfTheDocument(String name, int plans) {
        assertEquals(plans, PARSER.parse(name, document(name)).plans().size());
    }

    @Test
    void theYananInquiryIsNotAPlan() {
        HqdException e = assertThrows(HqdException.class,
                () -> PARSER.parse("yanan", document("yanan-project-inquiry-2023")));
        assertTrue(e.getMessage().contains("没有可识别的任务"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"tianjin-gazette-2022-19-20", "hospital-plans-collection-a", "hospital-plans-collection-b"})
    void everyTaskOfTheWellFormedPlansWithItsUnits(String name) {
        List<String> expected = new ArrayList<>();
        Set<String> planTitles = new LinkedHashSet<>();
        for (String line : resource("/org/hqd/ledger/expected/" + name + ".tsv").split("\n")) {
            if (line.startsWith("plan\t") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            planTitles.add(f[0]);
            expected.add(String.join("\t", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[8]));
        }
        List<String> actual = new ArrayList<>();
        for (Plan p : PARSER.parse(name, document(name)).plans()) {
            if (!planTitles.contains(p.title())) {
                continue;
            }
            for (PlanTask t : p.tasks()) {
                actual.add(String.join("\t", p.title(), t.section(), t.taskNo(), t.title(),
                        String.join("、", t.leadUnits()), String.join("、", t.coUnits()),
                        t.deadlines().stream().filter(d -> !d.derived()).map(Deadline::text)
                                .collect(Collectors.joining("|")),
                        String.valueOf(t.sourceLine())));
            }
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        assertEquals(List.of(), missing, "expected rows the parser did not give; it gave instead: " + extra);
        assertEquals(expected, actual);
    }

    /**
     * Targets: every target of the reference ledger is found, in order, as the parser's words (the reference
     * sometimes adds the noun: "不少于 10 名科级及以上干部" for "不少于 10 名"); and every percentage, ratio or
     * multiple the parser finds is in the reference (counts such as "2个" the first reading did not always list).
     */
    @ParameterizedTest
    @CsvSource({"tianjin-gazette-2022-19-20", "hospital-plans-collection-a", "hospital-plans-collection-b"})
    void targetsAsWritten(String name) {
        java.util.Map<String, List<String>> expected = new java.util.HashMap<>();
        for (String line : resource("/org/hqd/ledger/expected/" + name + ".tsv").split("\n")) {
            String[] f = line.split("\t", -1);
            if (!line.startsWith("plan\t") && !line.isBlank()) {
                expected.put(f[0] + "@" + f[8], f[7].isEmpty() ? List.of()
                        : java.util.Arrays.stream(f[7].split("\\|")).map(s -> s.replaceAll("\\s+", "")).toList());
            }
        }
        int checked = 0;
        for (Plan p : PARSER.parse(name, document(name)).plans()) {
            for (PlanTask t : p.tasks()) {
                List<String> want = expected.get(p.title() + "@" + t.sourceLine());
                if (want == null) {
                    continue;
                }
                List<String> got = t.targets().stream().map(x -> x.text().replaceAll("\\s+", "")).toList();
                int at = 0;
                for (String w : want) {
                    while (at < got.size() && !(w.startsWith(got.get(at)) || got.get(at).endsWith(w))) {
                        at++;
                    }
                    assertTrue(at < got.size(), "line " + t.sourceLine() + ": target " + w + " not found in " + got);
                    at++;
                    checked++;
                }
                for (TaskTarget x : t.targets()) {
                    if (List.of("%", "‰", "倍", ":").contains(x.unit())) {
                        String g = x.text().replaceAll("\\s+", "");
                        assertTrue(want.stream().anyMatch(w -> w.startsWith(g) || g.endsWith(w)),
                                "line " + t.sourceLine() + ": " + g + " is not a target of the reference " + want);
                    }
                }
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void hospitalTargetsAreLinkedToIndicators() {
        PlanTask staffing = PARSER.parse("a", document("hospital-plans-collection-a")).plans().get(0).tasks().stream()
                .filter(t -> t.sourceLine() == 43).findFirst().orElseThrow();
        TaskTarget ratio = staffing.targets().get(0);
        assertEquals("1：2", ratio.valueText());
        assertEquals(TargetComparator.ABOUT, ratio.comparator());
        assertEquals(java.util.Optional.of("nurse_to_physician_ratio"), ratio.indicator());
        assertEquals(2.0, ratio.indicatorValue().getAsDouble(), 0);
        PlanTask payment = PARSER.parse("a", document("hospital-plans-collection-a")).plans().get(0).tasks().stream()
                .filter(t -> t.sourceLine() == 55).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of("drg_dip_payment_share"), payment.targets().get(0).indicator());
        assertEquals(0.70, payment.targets().get(0).indicatorValue().getAsDouble(), 0);
        assertEquals(TargetComparator.REACH, payment.targets().get(0).comparator());
    }
}
