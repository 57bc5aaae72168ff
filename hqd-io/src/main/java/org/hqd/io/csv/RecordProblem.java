package org.hqd.io.csv;

/**
 * Why a record cannot be read as fields: what the CSV reader found in its bytes (see {@link CsvScanner} for the
 * grammar). A record with a problem is still delimited — it ends at a known line end — so the records after it are
 * read as usual; the problem is reported with it.
 */
public enum RecordProblem {
    /** The record is well formed. */
    NONE(""),
    /** A quoted field still open at the end of the input (a truncated file). */
    UNTERMINATED_QUOTE("引号未闭合（文件可能被截断）"),
    /** A double quote inside a field that does not start with one. */
    STRAY_QUOTE("字段中间有英文双引号（含逗号、引号或换行的字段应整体加英文双引号，其中的引号写成两个）"),
    /** A closing quote followed by something other than a comma or a line end. */
    TEXT_AFTER_QUOTE("右引号后紧跟其他字符（引号括起的字段后应是逗号或换行）"),
    /**
     * A quoted field that runs over line ends without the record holding together (a stray opening quote): only the
     * record's first line is taken as the record, and reading goes on at the next line.
     */
    UNBALANCED_QUOTE("引号不成对（引号后的内容跨行也凑不成一条完整记录）"),
    /** A carriage return not followed by a line feed (old Mac line ends, or a stray CR). */
    BARE_CR("含有单独的回车符 CR（旧版 Mac 的换行方式？请另存为 LF 或 CRLF 换行）"),
    /** A NUL byte or another control character (a binary file, or text in UTF-16). */
    CONTROL_CHARACTER("含有 NUL 或其他控制字符（可能是二进制文件或 UTF-16 编码：请另存为 UTF-8 或 GBK 的 CSV）");

    private final String message;

    RecordProblem(String message) {
        this.message = message;
    }

    /** What is wrong, in Chinese, for a reason text; empty for {@link #NONE}. */
    public String message() {
        return message;
    }
}
