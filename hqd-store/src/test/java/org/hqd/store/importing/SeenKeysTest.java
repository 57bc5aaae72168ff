package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The staged keys' hashes: a repeated hash makes a repeat possible, distinct hashes rule it out. */
final class SeenKeysTest {
    private static SeenKeys of(long... hashes) {
        SeenKeys s = new SeenKeys();
        for (long h : hashes) {
            s.add(h);
        }
        return s;
    }

    @Test
    void nothingAdded_noRepeat() {
        assertThat(new SeenKeys().repeatPossible()).isFalse();
    }

    @Test
    void distinctHashes_noRepeat() {
        assertThat(of(2, 3, 4, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 32, 1L << 33).repeatPossible()).isFalse();
    }

    @Test
    void sameHashTwice_repeatPossible() {
        assertThat(of(5, 6, 7, 6).repeatPossible()).isTrue();
        assertThat(of(-9, -9).repeatPossible()).isTrue();
        assertThat(of(Long.MIN_VALUE, 3, Long.MIN_VALUE).repeatPossible()).isTrue();
    }

    @Test
    void aRepeat_staysPossibleWhateverIsAddedAfter() {
        SeenKeys s = of(8, 8);
        s.add(9);
        s.add(10);
        assertThat(s.repeatPossible()).isTrue();
    }

    @Test
    void zeroAndOne_shareASlot() {
        // 0 marks a free slot, so hash 0 is kept as 1: a (rare) false "possible", never a missed repeat
        assertThat(of(0).repeatPossible()).isFalse();
        assertThat(of(0, 0).repeatPossible()).isTrue();
        assertThat(of(0, 1).repeatPossible()).isTrue();
        assertThat(of(1, 0).repeatPossible()).isTrue();
        assertThat(of(0, 2).repeatPossible()).isFalse();
    }

    @Test
    void hundredThousandDistinctRandomHashes_noRepeat_thenOneRepeat() {
        Random random = new Random(2024);
        Set<Long> distinct = new LinkedHashSet<>();
        while (distinct.size() < 100_000) {
            long h = random.nextLong();
            if (h != 0 && h != 1) {
                distinct.add(h);
            }
        }
        List<Long> hashes = new ArrayList<>(distinct);
        SeenKeys s = new SeenKeys();
        for (long h : hashes) {
            s.add(h);
        }
        assertThat(s.repeatPossible()).isFalse();

        s.add(hashes.get(54_321));
        assertThat(s.repeatPossible()).isTrue();
    }

    @Test
    void hashesWithTheSameSlot_areStillToldApart() {
        // h ^ h >>> 32 has zero low bits for all of these: they all start probing at slot 0
        SeenKeys s = new SeenKeys();
        for (long k = 1; k <= 40_000; k++) {
            s.add(k << 32 | k);
        }
        assertThat(s.repeatPossible()).isFalse();

        s.add(12_345L << 32 | 12_345L);
        assertThat(s.repeatPossible()).isTrue();
    }

    @Test
    void repeatAddedLongAfterTheFirst_isFoundAcrossGrowth() {
        SeenKeys s = new SeenKeys();
        s.add(777);
        for (long h = 1_000_000; h < 1_200_000; h++) { // the table grows several times
            s.add(h * 0x9E3779B97F4A7C15L);
        }
        assertThat(s.repeatPossible()).isFalse();
        s.add(777);
        assertThat(s.repeatPossible()).isTrue();
    }
}
