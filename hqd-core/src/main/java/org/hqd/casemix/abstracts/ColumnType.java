package org.hqd.casemix.abstracts;

/**
 * The kind of value a canonical abstract column holds: how a file writes it, how the store types it. One of the
 * facts of the case schema ({@link AbstractColumn}), from which the staging, the parser, the Spark schema and the
 * docs take the column's type.
 */
public enum ColumnType {
    /** Free text or a code. */
    TEXT("VARCHAR", "文本"),
    /** A non-negative whole number. */
    WHOLE("INTEGER", "非负整数"),
    /** A date, {@code YYYY-MM-DD} (also {@code YYYY/MM/DD}, {@code YYYYMMDD}, or with a time after it). */
    DATE("DATE", "日期"),
    /** An amount or a duration with decimals (yuan, hours). */
    AMOUNT("DOUBLE", "数值"),
    /** Yes or no: {@code 1} / {@code 0}. */
    FLAG("BOOLEAN", "是否（1/0）"),
    /** Codes separated by {@code |}; empty items are dropped. */
    LIST("VARCHAR", "竖线分隔的编码"),
    /**
     * Values separated by {@code |}, one per diagnosis or per procedure in the order of the codes (principal first);
     * an empty item is an unknown value, kept in its place.
     */
    ALIGNED("VARCHAR", "竖线分隔，与编码一一对应");

    private final String sqlType;
    private final String label;

    ColumnType(String sqlType, String label) {
        this.sqlType = sqlType;
        this.label = label;
    }

    /** The column's type in the store (DuckDB). */
    public String sqlType() {
        return sqlType;
    }

    /** How the docs describe the values, in Chinese. */
    public String label() {
        return label;
    }
}
