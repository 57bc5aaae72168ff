package org.hqd.casemix.grouping;

import java.util.List;
import java.util.Objects;

/**
 * The result of grouping one discharge: where it went, whether it carries a CC or MCC, and, on request, the
 * steps in Chinese that led there.
 *
 * @param mdc       the MDC entered (e.g. {@code MDCG}); empty when ungroupable or invalid
 * @param adrg      the ADRG code, {@code QY} when ambiguous; empty when ungroupable or invalid
 * @param drg       the DRG code; {@code 0000} when ungroupable, the pack's group (e.g. {@code VQY}) when ambiguous
 * @param cc        some secondary diagnosis counts as a CC for this principal diagnosis
 * @param mcc       some secondary diagnosis counts as an MCC for this principal diagnosis
 * @param reason    why the case is invalid, naming the field; empty otherwise
 * @param warnings  codes the pack does not know, codes that could not be mapped; grouping went on
 * @param unmapped  clinical-edition codes the dictionary could not map (when mapping was asked for)
 * @param trace     the explanation, one step a line; empty unless asked for
 */
public record GroupingResult(String recordId, GroupingStatus status, String mdc, String adrg, String drg,
                             String drgName, boolean cc, boolean mcc, String reason, List<String> warnings,
                             List<String> unmapped, List<String> trace) {

    /** The DRG code of an ungroupable case. */
    public static final String UNGROUPABLE_DRG = "0000";
    /** The ADRG code of an ambiguous case. */
    public static final String AMBIGUOUS_ADRG = "QY";

    public GroupingResult {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(status, "status");
        warnings = List.copyOf(warnings);
        unmapped = List.copyOf(unmapped);
        trace = List.copyOf(trace);
    }

    /** A case that fails an input check; {@code reason} names the field. */
    public static GroupingResult invalid(String recordId, String reason, List<String> trace) {
        return new GroupingResult(recordId, GroupingStatus.INVALID, "", "", "", "", false, false, reason, List.of(),
                List.of(), trace);
    }
}
