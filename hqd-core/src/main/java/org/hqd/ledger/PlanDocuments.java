package org.hqd.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.hqd.HqdException;

/**
 * The text of a plan document from its bytes, with a clear message for what is not a plain-text plan: an empty
 * file, a binary file (a PDF, a Word document, an image), text in another encoding than the one declared (a GBK
 * file read as UTF-8 says so and names the option that reads it).
 */
public final class PlanDocuments {
    private PlanDocuments() {
    }

    public static String decode(String name, byte[] bytes, Charset charset) {
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new HqdException(name + " 是空文件，没有可提取的方案");
        }
        if (startsWith(bytes, "%PDF")) {
            throw new HqdException(name + " 是 PDF 文件：请先另存为纯文本（UTF-8 编码的 .txt）再导入");
        }
        if (startsWith(bytes, "PK") || startsWith(bytes, "\u00d0\u00cf\u0011\u00e0")) {
            throw new HqdException(name + " 是 Word/Excel 等 Office 文件：请先另存为纯文本（UTF-8 编码的 .txt）再导入");
        }
        int control = 0;
        for (byte b : bytes) {
            if (b == 0) {
                throw new HqdException(name + " 是二进制文件（含 NUL 字节），不是纯文本方案");
            }
            if ((b & 0xff) < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        if (control > bytes.length / 100) {
            throw new HqdException(name + " 是二进制文件（控制字符占 " + (100L * control / bytes.length)
                    + "%），不是纯文本方案");
        }
        String text;
        try {
            text = strict(charset, bytes);
        } catch (CharacterCodingException e) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                try {
                    strict(Charset.forName("GBK"), bytes);
                    throw HqdException.withHint(name + " 不是 UTF-8 编码，看起来是 GBK 编码", "：请加 --encoding GBK 重新导入");
                } catch (CharacterCodingException notGbk) {
                    throw HqdException.withHint(name + " 不是 UTF-8 编码的文本：请转换为 UTF-8", "，或用 --encoding 指明它的编码");
                }
            }
            throw HqdException.withHint(name + " 不是 " + charset.name() + " 编码的文本", "：请用 --encoding 指明它的编码");
        }
        if (text.replace("\uFEFF", "").isBlank()) {
            throw new HqdException(name + " 是空文件，没有可提取的方案");
        }
        return text;
    }

    /** The SHA-256 of a document's bytes, in hex: how the ledger recognises a document it has read before. */
    public static String fingerprint(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strict(Charset cs, byte[] bytes) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        if (bytes.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((bytes[i] & 0xff) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
