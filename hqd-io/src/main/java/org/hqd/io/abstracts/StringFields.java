package org.hqd.io.abstracts;

import org.hqd.io.csv.Fields;
import org.hqd.io.csv.RecordProblem;

/** A record whose fields are already strings, in the order of its header; a null field is a missing one. */
public final class StringFields implements Fields {
    private final String[] values;
    private final long line;

    public StringFields(String[] values, long line) {
        this.values = values;
        this.line = line;
    }

    @Override
    public int fieldCount() {
        return values.length;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public RecordProblem problem() {
        return RecordProblem.NONE;
    }

    @Override
    public String field(int i) {
        return i < 0 || i >= values.length || values[i] == null ? "" : values[i];
    }

    @Override
    public boolean isBlank(int i) {
        return field(i).isBlank();
    }

    @Override
    public double plainDecimal(int i) {
        return Double.NaN;
    }
}
