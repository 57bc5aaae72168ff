package org.hqd.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV formula injection (issue #15, item 7): formula-like cells become text, numbers stay numbers. */
final class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "=HYPERLINK(\"http://x\",\"点我\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
        "\tTAB", "\rCR", "－1＋1", "＝1", "＠x", "＋x", "-", "+", "-Infinity", "--5", "1e5x"})
    void neutralised_formulaLikeText_getsAQuoteInFront(String v) {
        if ("=+-@\t\r－＝＠＋".indexOf(v.charAt(0)) >= 0) {
            assertThat(CsvCells.neutralised(v)).isEqualTo("'" + v);
        } else {
            assertThat(CsvCells.neutralised(v)).isEqualTo(v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3.5", "+3.5", "-7", "-0.01", ".5", "-.5", "1e300", "-1.5E-3", "12", "普外科", "H001",
        "K35.800x001", "2024-03-06", "", "a=b", "x@y.z"})
    void neutralised_numbersAndOrdinaryText_stayAsTheyAre(String v) {
        assertThat(CsvCells.neutralised(v)).isEqualTo(v);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "plain|plain",
        "a,b|\"a,b\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
        "=1,2|\"'=1,2\"",
        "-3.5|-3.5",
        "@x|'@x",
    })
    void append_quotesWhatNeedsQuotesAfterNeutralising(String v, String written) {
        assertThat(CsvCells.append(new StringBuilder(), v)).hasToString(written);
    }

    @org.junit.jupiter.api.Test
    void append_lineBreakAndLeadingCarriageReturn_areQuotedAndNeutralised() {
        assertThat(CsvCells.append(new StringBuilder(), "a\nb")).hasToString("\"a\nb\"");
        assertThat(CsvCells.append(new StringBuilder(), "\rx")).hasToString("\"'\rx\"");
    }
}
