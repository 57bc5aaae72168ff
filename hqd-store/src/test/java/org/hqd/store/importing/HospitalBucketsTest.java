package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hospital ranges from the register: how many, which id falls where, and that they follow id order. */
final class HospitalBucketsTest {
    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("H%04d", i)).toList();
    }

    @Test
    void noRegister_isOneRangeNotFromTheRegister() {
        HospitalBuckets b = new HospitalBuckets(List.of());

        assertThat(b.count()).isEqualTo(1);
        assertThat(b.fromRegister()).isFalse();
        assertThat(List.of(b.of("H001"), b.of(""), b.of("zzz"), b.of("医院"))).containsOnly(0);
    }

    @Test
    void oneHospital_isOneRangeFromTheRegister() {
        HospitalBuckets b = new HospitalBuckets(List.of("H001", "H001"));

        assertThat(b.count()).isEqualTo(1);
        assertThat(b.fromRegister()).isTrue();
        assertThat(List.of(b.of("H000"), b.of("H001"), b.of("H002"))).containsOnly(0);
    }

    @Test
    void count_isTheNumberOfDistinctIdsUpTo256() {
        assertThat(new HospitalBuckets(List.of("B", "A", "B", "C", "A")).count()).isEqualTo(3);
        assertThat(new HospitalBuckets(ids(255)).count()).isEqualTo(255);
        assertThat(new HospitalBuckets(ids(256)).count()).isEqualTo(256);
        assertThat(new HospitalBuckets(ids(257)).count()).isEqualTo(256);
        List<String> twice = new ArrayList<>(ids(300));
        twice.addAll(ids(300));
        assertThat(new HospitalBuckets(twice).count()).isEqualTo(256).isEqualTo(HospitalBuckets.MAX);
    }

    @Test
    void fewHospitals_eachHasItsOwnRangeInIdOrder() {
        List<String> register = new ArrayList<>(List.of("H003", "H001", "H005", "H002", "H004", "H003"));

        HospitalBuckets b = new HospitalBuckets(register);

        assertThat(b.count()).isEqualTo(5);
        assertThat(b.fromRegister()).isTrue();
        assertThat(List.of(b.of("H001"), b.of("H002"), b.of("H003"), b.of("H004"), b.of("H005")))
                .containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void idNotInTheRegister_fallsInTheRangeOfTheNearestIdBelowIt() {
        HospitalBuckets b = new HospitalBuckets(List.of("H20", "H10", "H30"));

        assertThat(b.of("H15")).isEqualTo(0);
        assertThat(b.of("H2")).isEqualTo(0); // "H10" < "H2" < "H20"
        assertThat(b.of("H200")).isEqualTo(1);
        assertThat(b.of("H25")).isEqualTo(1);
        assertThat(b.of("H30A")).isEqualTo(2);
        assertThat(b.of("H05")).isEqualTo(0); // below all
        assertThat(b.of("")).isEqualTo(0);
        assertThat(b.of("Z")).isEqualTo(2); // above all
        assertThat(b.of("医院")).isEqualTo(2);
    }

    @Test
    void thousandHospitals_useEveryRangeContiguouslyInIdOrder() {
        List<String> register = new ArrayList<>(ids(1000));
        Collections.shuffle(register, new Random(5));

        HospitalBuckets b = new HospitalBuckets(register);

        assertThat(b.count()).isEqualTo(256);
        Map<Integer, List<String>> byRange = new TreeMap<>();
        int previous = 0;
        for (String id : ids(1000)) { // in sorted order
            int r = b.of(id);
            assertThat(r).as(id).isBetween(previous, previous + 1);
            previous = r;
            byRange.computeIfAbsent(r, k -> new ArrayList<>()).add(id);
        }
        assertThat(b.of("H0000")).isZero();
        assertThat(b.of("H0999")).isEqualTo(255);
        assertThat(byRange.keySet()).containsExactlyElementsOf(IntStream.range(0, 256).boxed().toList());
        // 1000 ids over 256 ranges: 3 or 4 ids each, 232 ranges of 4 and 24 of 3
        assertThat(byRange.values().stream().mapToInt(List::size).sum()).isEqualTo(1000);
        assertThat(byRange.values().stream().filter(l -> l.size() == 4).count()).isEqualTo(232);
        assertThat(byRange.values().stream().filter(l -> l.size() == 3).count()).isEqualTo(24);
        assertThat(byRange.get(0)).containsExactly("H0000", "H0001", "H0002", "H0003");
        assertThat(byRange.get(255)).containsExactly("H0997", "H0998", "H0999");
    }

    @Test
    void thousandHospitals_unregisteredIdsKeepTheRangesInIdOrder() {
        List<String> register = ids(1000).stream().filter(id -> !id.endsWith("7")).toList(); // 900 ids
        HospitalBuckets b = new HospitalBuckets(register);
        Random random = new Random(11);
        TreeSet<String> all = new TreeSet<>(ids(1000));
        for (int i = 0; i < 500; i++) {
            all.add("H" + Integer.toString(random.nextInt(1_000_000), 36));
        }

        assertThat(b.count()).isEqualTo(256);
        int previous = 0;
        for (String id : all) {
            int r = b.of(id);
            assertThat(r).as(id).isGreaterThanOrEqualTo(previous).isLessThan(256);
            previous = r;
        }
        // "H0017" is not registered: it goes with "H0016"
        assertThat(b.of("H0017")).isEqualTo(b.of("H0016"));
        assertThat(b.of("H0016A")).isEqualTo(b.of("H0016"));
        assertThat(b.of("A")).isZero();
        assertThat(b.of("Z")).isEqualTo(255);
    }
}
