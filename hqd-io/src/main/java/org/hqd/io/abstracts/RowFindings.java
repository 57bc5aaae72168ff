package org.hqd.io.abstracts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityFinding;

/**
 * The quality findings of a parsed row, the same wherever a row is read (the embedded import, the Spark job): a
 * malformed line is only that (one MALFORMED_LINE finding); unreadable fields are FIELD_FORMAT and are not checked again by the rules; then
 * the rules of the catalogue.
 */
public final class RowFindings {
    private RowFindings() {
    }

    public static List<QualityFinding> of(ParsedAbstract row, AbstractQualityChecks checks) {
        Set<AbstractColumn> unreadable = EnumSet.noneOf(AbstractColumn.class);
        List<QualityFinding> out = new ArrayList<>(0);
        for (FieldProblem p : row.problems()) {
            if (p.column().isEmpty()) { // the fields of a malformed line mean nothing: that is all there is to say
                return List.of(checks.finding("MALFORMED_LINE", p.message()));
            }
            if (p.column().get() != AbstractColumn.PROC_LEVELS) { // grades: the checks report them once
                unreadable.add(p.column().get());
                out.add(checks.finding("FIELD_FORMAT", p.message()));
            }
        }
        out.addAll(checks.check(row.abstract_(), unreadable));
        return out;
    }
}
