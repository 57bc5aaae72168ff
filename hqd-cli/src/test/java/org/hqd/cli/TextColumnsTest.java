package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Console columns by display width (a CJK character two columns), worked out by hand. */
final class TextColumnsTest {
    @Test
    void fit_widestCellAndAGapOfTwo_betweenTheBounds() {
        // "BC21 脑室分流" = 5 + 4 × 2 = 13, + 2
        assertThat(TextColumns.fit(List.of("H0001", "BC21 脑室分流"), 10, 50)).isEqualTo(15);
        // narrower cells: the least width (the heading's)
        assertThat(TextColumns.fit(List.of("H0001"), 22, 50)).isEqualTo(22);
        assertThat(TextColumns.fit(List.of(), 22, 50)).isEqualTo(22);
        // wider: the most, and the cell shortened to fit with its gap (5 + 11 × 2 = 27, and the …)
        String name = "BC21 脑室分流及翻修手术，伴严重并发症或合并症";
        assertThat(TextColumns.width(name)).isEqualTo(5 + 20 * 2);
        assertThat(TextColumns.fit(List.of(name), 22, 30)).isEqualTo(30);
        String cut = TextColumns.shorten(name, 28);
        assertThat(cut).isEqualTo("BC21 脑室分流及翻修手术，伴…");
        assertThat(TextColumns.width(TextColumns.left(cut, 30))).isEqualTo(30);
    }
}
