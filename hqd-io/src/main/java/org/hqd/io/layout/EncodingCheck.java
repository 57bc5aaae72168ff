package org.hqd.io.layout;

import java.nio.charset.Charset;
import org.hqd.HqdException;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.TextEncoding;

/**
 * Refuses a CSV file whose bytes are not valid in the charset it is read with (issue #15 item 8: never store
 * replacement characters), chunk by chunk, with a hint to name the encoding. Thread-safe (no state).
 *
 * @param detected whether the charset was detected from the start of the file rather than named by the user
 */
record EncodingCheck(Charset charset, boolean detected, String source) {
    void chunk(CsvChunk c) {
        if (!TextEncoding.valid(charset, c.data(), 0, c.length())) {
            throw HqdException.withHint(source + "：第 " + c.firstLine() + " 行起的内容不是 " + charset.name() + " 编码的文本"
                    + (detected ? "（文件开头按 " + charset.name() + " 识别）" : ""),
                    "：请确认文件的编码，用 --encoding 指明（医院系统导出的文件常为 GBK）");
        }
    }
}
