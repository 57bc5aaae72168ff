package org.hqd.io.csv;

/**
 * The fields of one record, wherever they were read: a {@link CsvScanner} over file bytes, or values already split
 * (a Spark row, a spreadsheet row). What the abstract parser needs of a record.
 */
public interface Fields {
    int fieldCount();

    /** The record's line in its file (1 = header), or its position. */
    long line();

    /** Whether the record ended inside a quoted field (a truncated file). */
    boolean unterminated();

    /** Field i as text ("" when missing). */
    String field(int i);

    /** Whether field i is missing, empty or only blanks. */
    boolean isBlank(int i);

    /** Field i as a plain decimal read without making a string, or NaN to say "read it from {@link #field}". */
    double plainDecimal(int i);
}
