package org.hqd.store.importing;

import java.time.LocalDate;
import java.util.List;
import org.hqd.io.grouping.ResultCsv;
import org.jspecify.annotations.Nullable;

/** Appends values to a staging CSV line for DuckDB: an empty field is NULL, text is quoted when it must be. */
final class StagingLine {
    private final StringBuilder out;
    private boolean first = true;

    StagingLine(StringBuilder out) {
        this.out = out;
    }

    private StringBuilder next() {
        if (!first) {
            out.append(',');
        }
        first = false;
        return out;
    }

    StagingLine text(String v) {
        ResultCsv.field(next(), v);
        return this;
    }

    StagingLine list(List<?> v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            if (i > 0) {
                s.append('|');
            }
            s.append(v.get(i));
        }
        return text(s.toString());
    }

    /** A whole number; negative means missing. */
    StagingLine whole(long v) {
        StringBuilder b = next();
        if (v >= 0) {
            b.append(v);
        }
        return this;
    }

    /** An amount; NaN means missing. Whole cents are written as such, without a general double conversion. */
    StagingLine amount(double v) {
        StringBuilder b = next();
        if (Double.isNaN(v)) {
            return this;
        }
        double cents = v * 100;
        long c = Math.round(cents);
        if (Math.abs(cents - c) < 1e-6 && Math.abs(c) < 1L << 50 && c / 100.0 == v) {
            if (c < 0) {
                b.append('-');
                c = -c;
            }
            b.append(c / 100).append('.');
            long r = c % 100;
            b.append((char) ('0' + r / 10)).append((char) ('0' + r % 10));
        } else {
            b.append(v);
        }
        return this;
    }

    StagingLine date(@Nullable LocalDate d) {
        StringBuilder b = next();
        if (d != null) {
            b.append(d);
        }
        return this;
    }

    StagingLine bool(boolean v) {
        next().append(v);
        return this;
    }

    /** An unsigned 64-bit value, zero-padded to 20 digits so that staging files have a size independent of it. */
    StagingLine unsigned(long v) {
        String digits = Long.toUnsignedString(v);
        StringBuilder b = next();
        for (int i = digits.length(); i < 20; i++) {
            b.append('0');
        }
        b.append(digits);
        return this;
    }

    void end() {
        out.append('\n');
    }
}
