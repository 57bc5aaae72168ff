package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeIndexTest {

    @Test
    void intern_givesDenseIdsInOrder_andIdOfFindsThem() {
        CodeIndex index = new CodeIndex();
        assertThat(index.intern("A01.000")).isZero();
        assertThat(index.intern("S62.600x002")).isEqualTo(1);
        assertThat(index.intern("A01.000")).isZero();
        assertThat(index.idOf("S62.600x002")).isEqualTo(1);
        assertThat(index.idOf("S62.600x003")).isEqualTo(-1);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void codesSharingAPrefixOrDifferingAfterTheEighthCharacter_areDifferentCodes() {
        CodeIndex index = new CodeIndex();
        int a = index.intern("A01");
        int b = index.intern("A010");
        int c = index.intern("68.6900x001");
        int d = index.intern("68.6900x002");
        int e = index.intern("1234567890123456"); // 16 characters: the longest packed code
        assertThat(List.of(a, b, c, d, e)).containsExactly(0, 1, 2, 3, 4);
        assertThat(index.idOf("A0")).isEqualTo(-1);
        assertThat(index.idOf("A01")).isEqualTo(a);
        assertThat(index.idOf("A010")).isEqualTo(b);
        assertThat(index.idOf("68.6900x002")).isEqualTo(d);
        assertThat(index.idOf("123456789012345")).isEqualTo(-1);
        assertThat(index.idOf("1234567890123456")).isEqualTo(e);
    }

    @Test
    void longNonAsciiAndEmptyCodes_areKeptToo() {
        CodeIndex index = new CodeIndex();
        int longCode = index.intern("12345678901234567"); // 17 characters
        int chinese = index.intern("中医证候01");
        int empty = index.intern("");
        int plain = index.intern("K35.800");
        assertThat(List.of(longCode, chinese, empty, plain)).containsExactly(0, 1, 2, 3);
        assertThat(index.idOf("12345678901234567")).isEqualTo(longCode);
        assertThat(index.idOf("1234567890123456")).isEqualTo(-1);
        assertThat(index.idOf("中医证候01")).isEqualTo(chinese);
        assertThat(index.idOf("")).isEqualTo(empty);
        assertThat(index.idOf("K35.800")).isEqualTo(plain);
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void manyCodes_growTheTable_andKeepEveryId() {
        CodeIndex index = new CodeIndex();
        Map<String, Integer> expected = new HashMap<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            codes.add(String.format("%c%02d.%03dx%03d", (char) ('A' + i % 26), i % 100, i / 100 % 1000, i / 100_000));
        }
        for (String code : codes) {
            expected.putIfAbsent(code, expected.size());
            assertThat(index.intern(code)).isEqualTo(expected.get(code));
        }
        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((code, id) -> assertThat(index.idOf(code)).isEqualTo(id));
        assertThat(index.idOf("Z99.999x999")).isEqualTo(-1);
    }
}
