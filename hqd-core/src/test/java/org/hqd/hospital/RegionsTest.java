package org.hqd.hospital;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegionsTest {
    @Test
    void codesAreShownByTheirNames_andAnUnknownCodeAsItIs() {
        Regions r = Regions.standard();
        assertEquals("甘肃省", r.label("620000"));
        assertEquals("示例省", r.label("990000"));
        assertEquals("甲市", r.label("990100"));
        assertEquals("癸市", r.label("991000"));
        assertEquals("地区 123456", r.label("123456"));
    }

    @Test
    void nameAndCode_knownCode_nameWithCode_unknownCode_codeAlone() {
        Regions r = Regions.standard();
        assertEquals("甲市（990100）", r.nameAndCode("990100"));
        assertEquals("123456", r.nameAndCode(" 123456 "));
    }
}
