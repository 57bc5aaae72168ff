package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TsvTableTest {

    private static Map<String, String> read(String text) throws IOException {
        return TsvTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.tsv");
    }

    @Test
    void read_headerAndRows_skipsTheHeaderKeepsTheOrder() throws IOException {
        assertThat(read("code\tname\nB\t乙\nA\t甲\n")).containsExactly(Map.entry("B", "乙"), Map.entry("A", "甲"));
    }

    @Test
    void read_crlfBlankLinesAndNoFinalNewline_areHandled() throws IOException {
        assertThat(read("code\tname\r\nA\t甲\r\n\r\nB\t乙")).containsExactly(Map.entry("A", "甲"), Map.entry("B", "乙"));
    }

    @Test
    void read_moreThanTwoColumns_keepsTheSecond() throws IOException {
        assertThat(read("a\tb\tc\nK\tV\textra\n")).containsExactly(Map.entry("K", "V"));
    }

    @Test
    void read_blanksAroundCells_areTrimmed() throws IOException {
        assertThat(read("a\tb\n K1 \t 10 \n")).containsExactly(Map.entry("K1", "10"));
    }

    @Test
    void read_repeatedKey_firstRowWins() throws IOException {
        assertThat(read("a\tb\nK\t1\nK\t2\n")).containsExactly(Map.entry("K", "1"));
    }

    @Test
    void read_headerOnlyOrEmpty_isEmpty() throws IOException {
        assertThat(read("code\tname\n")).isEmpty();
        assertThat(read("")).isEmpty();
    }

    @Test
    void read_rowWithoutTab_throwsNamingFileAndLine() {
        assertThatThrownBy(() -> read("a\tb\nK\t1\nbroken\n")).isInstanceOf(RulePackException.class)
                .hasMessageContaining("t.tsv").hasMessageContaining("3");
    }
}
