package org.hqd.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class PseudonymizerTest {
    private static byte[] counting() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return key;
    }

    @Test
    void pseudonym_knownKey_isTheFirst64BitsOfHmacSha256InHex() {
        // reference values from Python: hmac.new(key, id.encode(), hashlib.sha256).hexdigest()[:16]
        assertThat(new Pseudonymizer(new byte[32]).pseudonym("P001")).isEqualTo("33b379fdf3f7719b");
        assertThat(new Pseudonymizer(counting()).pseudonym("患者-001")).isEqualTo("1258156e9832079f");
    }

    @Test
    void pseudonym_sameIdTwice_isEqualAndDiffersFromOtherIds() {
        Pseudonymizer p = new Pseudonymizer(counting());

        assertThat(p.pseudonym("P001")).isEqualTo(p.pseudonym("P001")).isNotEqualTo(p.pseudonym("P002"))
                .matches("[0-9a-f]{16}");
    }

    @Test
    void pseudonym_otherKey_differs() {
        assertThat(new Pseudonymizer(counting()).pseudonym("P001"))
                .isNotEqualTo(new Pseudonymizer(new byte[32]).pseudonym("P001"));
    }

    @Test
    void pseudonym_emptyId_staysEmpty() {
        assertThat(new Pseudonymizer(counting()).pseudonym("")).isEmpty();
    }

    @Test
    void copy_andChangedKeyArray_keepTheOriginalKey() {
        byte[] key = counting();
        Pseudonymizer p = new Pseudonymizer(key);
        key[0] = 99;

        assertThat(p.copy().pseudonym("患者-001")).isEqualTo(p.pseudonym("患者-001")).isEqualTo("1258156e9832079f");
    }
}
