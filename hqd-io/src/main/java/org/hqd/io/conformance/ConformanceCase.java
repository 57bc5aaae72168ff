package org.hqd.io.conformance;

import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;

/**
 * One conformance case: the input and the published grouper's answer.
 *
 * @param status the published status: 分组成功, 无法入组 or 歧义病案
 * @param mdc    as published; {@code 0000} for ungroupable
 * @param adrg   as published; {@code 00} for ungroupable, {@code QY} for ambiguous
 */
public record ConformanceCase(DischargeAbstract input, String status, String mdc, String adrg, String drg) {

    /** The expectation as one text, e.g. "分组成功,MDCG,GD2,GD23". */
    public String expected() {
        return String.join(",", status, mdc, adrg, drg);
    }

    /** A result in the published notation, to compare with {@link #expected()}. */
    public static String published(GroupingResult r) {
        boolean ungroupable = r.status() == GroupingStatus.UNGROUPABLE;
        return String.join(",", r.status().label(), ungroupable ? "0000" : r.mdc(), ungroupable ? "00" : r.adrg(),
                r.drg());
    }
}
