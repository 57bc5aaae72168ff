package org.hqd.web;

import java.util.Map;
import org.hqd.access.Scope;
import org.hqd.app.ResultCache;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.CaseFilter;

/** Which unit rows — a hospital, {@code H/department} or {@code H/physician} — a user may see. */
final class UnitVisibility {
    /** The kinds of unit a row can be, by the name of its level. */
    enum UnitKind { HOSPITAL, DEPARTMENT, PHYSICIAN }

    private final ResultCache cache;
    private final StandardsService standards;

    UnitVisibility(ReadAnswers answers, StandardsService standards) {
        this.cache = answers.results;
        this.standards = standards;
    }

    /** Each physician's main department ({@code H/department} by {@code H/physician}) of a filter's cases. */
    Map<String, String> physicianDepartments(CaseFilter filter) {
        return cache.get("physdept|" + filter, () -> standards.physicianDepartments(filter));
    }

    /** Each physician's main department when a department user looks at physicians (else not needed: empty). */
    Map<String, String> physicianDepartments(Scope scope, boolean physicians, CaseFilter filter) {
        return scope.department().isPresent() && physicians ? physicianDepartments(filter) : Map.of();
    }

    /**
     * Whether the user may see a unit row: a hospital id, or {@code H/department}, or {@code H/physician} (for a
     * department user, a physician whose main department is its own, from {@code physicianDepartments}).
     */
    static boolean visible(Scope scope, UnitKind kind, String unit, Map<String, String> physicianDepartments) {
        String h = kind == UnitKind.HOSPITAL ? unit : unit.substring(0, Math.max(0, unit.indexOf('/')));
        return switch (kind) {
            case DEPARTMENT -> scope.allowsDepartment(h, unit.substring(unit.indexOf('/') + 1));
            case PHYSICIAN -> scope.allowsHospital(h) && (scope.department().isEmpty()
                    || (h + "/" + scope.department().get()).equals(physicianDepartments.get(unit)));
            case HOSPITAL -> scope.allowsHospital(h);
        };
    }
}
