package org.hqd.io.abstracts;

import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;

/** A value of one row that could not be read; {@code column} is empty for a problem of the whole line. */
public record FieldProblem(Optional<AbstractColumn> column, String message) {

    static FieldProblem of(AbstractColumn column, String message) {
        return new FieldProblem(Optional.of(column), message);
    }

    static FieldProblem ofLine(String message) {
        return new FieldProblem(Optional.empty(), message);
    }

    /** Whether the problem stops grouping: a malformed line, or a bad value of a column grouping needs. */
    public boolean blocksGrouping() {
        return column.map(AbstractColumn.FOR_GROUPING::contains).orElse(true);
    }
}
