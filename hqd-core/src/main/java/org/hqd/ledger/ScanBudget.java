package org.hqd.ledger;

import org.hqd.HqdException;

/**
 * The work allowed for reading one document, counted in characters read by the extraction's regular expressions.
 *
 * <p>The patterns of the {@link ExtractionRules} are data and run on a backtracking engine: a pattern can read a
 * stretch of text many times (a run of spaces under {@code \s*} tried from every position of the run is quadratic).
 * The bundled rules are written so that each character is read a bounded number of times; this budget makes that a
 * guarantee for any rules and any text: every {@code charAt} of the engine is counted, and a document whose reading
 * costs more than {@link #READS_PER_CHAR} reads per character of the document (plus {@link #BASE}) is refused with a
 * message instead of holding a processor for minutes. The same count tells a test that reading stayed linear.
 */
final class ScanBudget {
    /**
     * Reads allowed per character of the document. The bundled gazette takes 60–80 reads a character (each
     * character is tried by about 25 patterns, some of them more than once, as part of a task and of its heading);
     * the adversarial documents of {@code PlanParserBoundsTest} (runs of spaces or digits, clauses never closed,
     * targets without punctuation) take at most 363. About 10^8 reads take a second.
     */
    static final long READS_PER_CHAR = 1_000;
    /** What any short text may use (a review cell, a heading). */
    static final long BASE = 1_000_000;

    private final String document;
    private final long limit;
    private long used;

    private ScanBudget(String document, long limit) {
        this.document = document;
        this.limit = limit;
    }

    /** The budget of a document of {@code length} characters. */
    static ScanBudget forDocument(String document, int length) {
        return new ScanBudget(document, BASE + READS_PER_CHAR * length);
    }

    /** The text as the regular expressions see it: every character they read is counted against this budget. */
    CharSequence over(String text) {
        return new Counted(text);
    }

    /** Counts work done outside the regular expressions (a scan by hand over {@code n} characters). */
    void spend(long n) {
        used += n;
        if (used > limit) {
            throw new HqdException(document + " 的结构异常（如极长的无标点段落或成串的空白、数字），提取超出了为它设定的计算量"
                    + "（" + limit + " 次字符读取）：请检查文件是否为正常的方案文本，或拆分后分别导入");
        }
    }

    /** The characters read so far. */
    long used() {
        return used;
    }

    /** A string whose reads are counted. */
    private final class Counted implements CharSequence {
        private final String text;

        Counted(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++used > limit) {
                spend(0);
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            spend(end - start);
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
