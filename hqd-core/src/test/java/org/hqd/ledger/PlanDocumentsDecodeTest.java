package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;

/** {@link PlanDocuments#decode}: the text of a plan file, or a message saying why it is not a plain-text plan. */
class PlanDocumentsDecodeTest {
    static final Charset GBK = Charset.forName("GBK");
    static final String PLAN = "某市公立医院高质量发展实施方案\n1.加强学科建设。（市卫健委负责）\n";

    static String refusal(String name, byte[] bytes, Charset charset) {
        return assertThrows(HqdException.class, () -> PlanDocuments.decode(name, bytes, charset)).getMessage();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void emptyBytes() {
        assertEquals("a.txt 是空文件，没有可提取的方案", refusal("a.txt", new byte[0], StandardCharsets.UTF_8));
    }

    @Test
    void whitespaceOnly() {
        assertEquals("a.txt 是空文件，没有可提取的方案",
                refusal("a.txt", " \r\n\t  \n\f".getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8));
    }

    @Test
    void byteOrderMarkAndWhitespaceOnlyIsEmpty() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'};
        assertEquals("a.txt 是空文件，没有可提取的方案", refusal("a.txt", bytes, StandardCharsets.UTF_8));
    }

    @Test
    void pdfHeader() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("a.pdf 是 PDF 文件：请先另存为纯文本（UTF-8 编码的 .txt）再导入",
                refusal("a.pdf", pdf, StandardCharsets.UTF_8));
    }

    @Test
    void zipOrDocxHeader() {
        byte[] docx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0};
        assertEquals("a.docx 是 Word/Excel 等 Office 文件：请先另存为纯文本（UTF-8 编码的 .txt）再导入",
                refusal("a.docx", docx, StandardCharsets.UTF_8));
    }

    @Test
    void oldOfficeHeader() {
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertEquals("a.doc 是 Word/Excel 等 Office 文件：请先另存为纯文本（UTF-8 编码的 .txt）再导入",
                refusal("a.doc", doc, StandardCharsets.UTF_8));
    }

    @Test
    void nulByte() {
        byte[] bytes = "某医院\u0000改革实施方案".getBytes(StandardCharsets.UTF_8);
        assertEquals("a.bin 是二进制文件（含 NUL 字节），不是纯文本方案", refusal("a.bin", bytes, StandardCharsets.UTF_8));
    }

    @Test
    void moreThanOnePercentControlCharactersIsBinary() {
        // 200 bytes: 3 control bytes are more than 200 / 100 = 2
        byte[] bytes = "a".repeat(200).getBytes(StandardCharsets.US_ASCII);
        bytes[10] = 0x01;
        bytes[20] = 0x1B;
        bytes[30] = 0x07;
        assertEquals("a.bin 是二进制文件（控制字符占 1%），不是纯文本方案", refusal("a.bin", bytes, StandardCharsets.UTF_8));
    }

    @Test
    void atMostOnePercentControlCharactersIsText() {
        byte[] bytes = "a".repeat(200).getBytes(StandardCharsets.US_ASCII);
        bytes[10] = 0x01;
        bytes[20] = 0x1B;
        String text = PlanDocuments.decode("a.txt", bytes, StandardCharsets.UTF_8);
        assertEquals(200, text.length());
        assertEquals('\u0001', text.charAt(10));
        assertEquals('\u001B', text.charAt(20));
    }

    @Test
    void gbkTextReadAsUtf8NamesGbk() {
        byte[] gbk = PLAN.getBytes(GBK);
        assertEquals("plan.txt 不是 UTF-8 编码，看起来是 GBK 编码：请加 --encoding GBK 重新导入",
                refusal("plan.txt", gbk, StandardCharsets.UTF_8));
    }

    @Test
    void gbkTextReadAsGbkDecodes() {
        byte[] gbk = PLAN.getBytes(GBK);
        assertNotEquals(PLAN.getBytes(StandardCharsets.UTF_8).length, gbk.length, "2 bytes a character, not 3");
        assertEquals(PLAN, PlanDocuments.decode("plan.txt", gbk, GBK));
    }

    @Test
    void neitherUtf8NorGbk() {
        byte[] bytes = {'a', 'b', (byte) 0xFF, 'c', '\n'};
        assertEquals("x.txt 不是 UTF-8 编码的文本：请转换为 UTF-8，或用 --encoding 指明它的编码",
                refusal("x.txt", bytes, StandardCharsets.UTF_8));
    }

    @Test
    void textNotInTheDeclaredCharset() {
        assertEquals("x.txt 不是 US-ASCII 编码的文本：请用 --encoding 指明它的编码",
                refusal("x.txt", PLAN.getBytes(StandardCharsets.UTF_8), StandardCharsets.US_ASCII));
    }

    @Test
    void utf8Decodes() {
        assertEquals(PLAN, PlanDocuments.decode("plan.txt", PLAN.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void utf8WithByteOrderMarkDecodesAndParsesLikeWithout() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = PlanDocuments.decode("plan.txt", concat(bom, PLAN.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertEquals(PLAN, text.replace("\uFEFF", ""));
        PlanParser parser = new PlanParser(ExtractionRules.standard(), IndicatorLinks.standard());
        ExtractedDocument withBom = parser.parse("plan.txt", text);
        assertEquals("某市公立医院高质量发展实施方案", withBom.plans().get(0).title());
        assertEquals(parser.parse("plan.txt", PLAN), withBom);
    }

    @Test
    void fingerprintIsTheSha256OfTheBytes() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PlanDocuments.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)));
        // SHA-256 of no bytes
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                PlanDocuments.fingerprint(new byte[0]));
    }
}
