package org.hqd.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The parser's work grows linearly with the document, for the documents that made it quadratic before (a 540 KB
 * plan took 594 s of processor time): many targets without punctuation, long runs of spaces or digits, clauses
 * opened and never closed. The work is measured as the characters the patterns read ({@link ScanBudget}), not as
 * time, so the checks hold on a loaded machine.
 */
class PlanParserBoundsTest {
    private static final PlanParser PARSER = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());
    private static final String HEAD = "某市实施方案\n一、重点任务\n（一）";
    private static final String UNIT = "（医务部负责）\n";

    /** Documents of about {@code n} characters, each a shape that a backtracking pattern may read many times over. */
    private static Map<String, IntFunction<String>> shapes() {
        Map<String, IntFunction<String>> s = new LinkedHashMap<>();
        s.put("targets without punctuation", n -> HEAD + "达到90%".repeat(n / 5) + UNIT);
        s.put("a run of spaces inside a task", n -> HEAD + "任务 达到" + " ".repeat(n) + "b" + UNIT);
        s.put("a run of spaces at a line's end", n -> HEAD + "任务达到9%" + UNIT.strip() + " ".repeat(n) + "\n");
        s.put("a run of digits", n -> HEAD + "任务达到" + "1".repeat(n) + "x" + UNIT);
        s.put("a units clause never closed", n -> HEAD + "任务（牵头单位：a；责任单位：" + " ".repeat(n) + "x" + UNIT);
        s.put("closing parentheses", n -> HEAD + "任务" + "）".repeat(n / 2) + "达到90%".repeat(n / 10) + UNIT);
        s.put("a run of stars inside a line", n -> HEAD + "任务" + UNIT.strip() + "*".repeat(n) + "x\n");
        s.put("many tasks", n -> HEAD + "任务\n" + "1.任务达到90%，到2025年底前完成。（医务部负责）\n".repeat(n / 30));
        return s;
    }

    @Test
    void reads_growLinearlyWithTheDocument() {
        for (Map.Entry<String, IntFunction<String>> shape : shapes().entrySet()) {
            String small = shape.getValue().apply(10_000);
            String large = shape.getValue().apply(40_000);
            long smallReads = PARSER.reads("small.txt", small);
            long largeReads = PARSER.reads("large.txt", large);
            double perChar = (double) largeReads / large.length();
            // four times the text, at most 4.4 times the reads (a quadratic reading would be 16 times)
            assertThat((double) largeReads / smallReads).as(shape.getKey() + ": growth of the reads")
                    .isLessThan(4.4 * large.length() / (4.0 * small.length()));
            // the measured cost is under 400 reads a character; the budget allows 1,000
            assertThat(perChar).as(shape.getKey() + ": reads per character").isLessThan(500);
        }
    }

    /**
     * A document of a megabyte made of every shape parses, with its content found. The timeout is not a measure:
     * the linear parser takes one to four seconds of processor time for it on the development machine (under a load
     * of 10), the quadratic one took hours; 60 s leaves room for a slow CI machine while a return to quadratic work
     * is caught exactly by {@link #reads_growLinearlyWithTheDocument()}.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMegabyteDocument_parses() {
        StringBuilder doc = new StringBuilder("某市实施方案\n一、重点任务\n");
        int perShape = 1_000_000 / shapes().size();
        String[] numbers = {"一", "二", "三", "四", "五", "六", "七", "八"};
        int n = 0;
        for (IntFunction<String> shape : shapes().values()) {
            doc.append("（").append(numbers[n++]).append("）").append(shape.apply(perShape).substring(HEAD.length()));
        }
        assertThat(doc.length()).isGreaterThan(950_000);
        ExtractedDocument parsed = PARSER.parse("large.txt", doc.toString());
        assertThat(parsed.plans()).hasSize(1);
        PlanTask targets = parsed.plans().get(0).tasks().get(0);
        assertThat(targets.targets()).hasSize(perShape / 5);
        assertThat(targets.targets().get(0).text()).isEqualTo("达到90%");
        assertThat(targets.leadUnits()).containsExactly("医务部");
        // the many-tasks shape: its heading and each of its numbered tasks
        assertThat(parsed.plans().get(0).tasks()).hasSize(7 + perShape / 30);
    }

    /**
     * Rules of a region may hold a pattern whose work is a high power of the text (nested unbounded repetitions: a
     * run of 2,000 digits costs this one about 10^12 reads); the budget refuses the document instead of reading on.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPatternOfPolynomialWork_isRefusedWithAMessage() {
        String json = new String(readRules(), java.nio.charset.StandardCharsets.UTF_8).replace(
                "\"targets\": [", "\"targets\": [\n    {\"pattern\": \"(?<value>\\\\d*\\\\d*\\\\d*x)\", \"kind\": \"VALUE\"},");
        PlanParser exponential = new PlanParser(ExtractionRules.parse(json, "地区规则.json"), IndicatorLinks.standard());
        String doc = HEAD + "任务" + "1".repeat(2_000) + "y" + UNIT;
        assertThatThrownBy(() -> exponential.parse("方案.txt", doc)).isInstanceOf(HqdException.class)
                .hasMessageContaining("方案.txt").hasMessageContaining("计算量");
        // the same rules read an ordinary document
        assertThat(exponential.parse("方案.txt", HEAD + "任务达到90%" + UNIT).plans().get(0).tasks()).hasSize(1);
    }

    private static byte[] readRules() {
        try (var in = ExtractionRules.class.getResourceAsStream("extraction-rules.json")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
