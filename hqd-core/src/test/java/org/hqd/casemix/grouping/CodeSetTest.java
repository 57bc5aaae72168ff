package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class CodeSetTest {

    @Test
    void contains_idsAroundWordBoundaries_onlyThoseAdded() {
        CodeSet set = new CodeSet("s", 200);
        set.add(0);
        set.add(63);
        set.add(64);
        set.add(199);

        assertThat(set.contains(0)).isTrue();
        assertThat(set.contains(63)).isTrue();
        assertThat(set.contains(64)).isTrue();
        assertThat(set.contains(199)).isTrue();
        assertThat(set.contains(1)).isFalse();
        assertThat(set.contains(62)).isFalse();
        assertThat(set.contains(65)).isFalse();
        assertThat(set.contains(127)).isFalse();
        assertThat(set.contains(128)).isFalse();
    }

    @Test
    void contains_unknownCodeId_isFalse() {
        CodeSet set = new CodeSet("s", 10);
        set.add(0);

        assertThat(set.contains(-1)).isFalse();
    }

    @Test
    void firstIn_fromAnIndex_givesTheFirstMemberAtOrAfterIt() {
        CodeSet set = new CodeSet("s", 100);
        set.add(7);
        set.add(70);
        int[] ids = {7, -1, 3, 70, 7};

        assertThat(set.firstIn(ids, 0)).isEqualTo(0);
        assertThat(set.firstIn(ids, 1)).isEqualTo(3);
        assertThat(set.firstIn(ids, 4)).isEqualTo(4);
        assertThat(set.firstIn(new int[] {1, 2, -1}, 0)).isEqualTo(-1);
        assertThat(set.firstIn(new int[0], 0)).isEqualTo(-1);
    }

    @Test
    void name_givenName_isKept() {
        assertThat(new CodeSet("GD2.adrg_ss", 1).name()).isEqualTo("GD2.adrg_ss");
    }
}
