package org.hqd.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.hqd.HqdException;

/**
 * The text encodings users name ({@code --encoding GBK}): a name the JVM does not know is refused, naming the usual
 * ones.
 */
public final class Encodings {
    private Encodings() {
    }

    public static Charset named(String name) {
        try {
            return Charset.forName(name);
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new HqdException("不支持的编码 " + name + "（可用 UTF-8、GBK、GB18030）");
        }
    }
}
