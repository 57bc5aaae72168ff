package org.hqd.io.csv;

/**
 * The fields of one record, wherever they were read: a {@link CsvScanner} over file bytes, or values already split
 * (a Spark row, a spreadsheet row). What the abstract parser needs of a record.
 */
public interface Fields {
    int fieldCount();

    /** The record's line in its file (1 = header), or its position. */
    long line();

    /** What made the record unreadable as fields ({@link RecordProblem#NONE} when nothing did). */
    RecordProblem problem();

    /** Field i as text ("" when missing). */
    String field(int i);

    /** Whether field i is missing, empty or only blanks. */
    boolean isBlank(int i);

    /** Field i as a plain decimal read without making a string, or NaN to say "read it from {@link #field}". */
    double plainDecimal(int i);

    /**
     * What is wrong with the record's shape under a header of {@code width} columns — its {@link #problem()}, or a
     * number of fields other than the header's — in Chinese, without any of its values; empty when nothing is.
     * The one wording every reader of table files uses.
     */
    default String shapeProblem(int width) {
        RecordProblem p = problem();
        if (p != RecordProblem.NONE) {
            return p.message();
        }
        if (fieldCount() != width) {
            return "有 " + fieldCount() + " 个字段，表头有 " + width + " 个（逗号未加引号或行被截断）";
        }
        return "";
    }
}
