package org.hqd.casemix.dip;

/**
 * A group of the DIP catalogue.
 *
 * @param key   core: diagnosis subcategory + sorted OR procedures, e.g. {@code K35.8|47.0100}; comprehensive:
 *              diagnosis category + treatment type, e.g. {@code K35/SURGERY}
 * @param core  a core group (核心病种) rather than a comprehensive one (综合病种)
 * @param cases baseline cases of the group; {@code keptCases} after trimming
 * @param score the group's points: trimmed mean cost / overall trimmed mean cost × points per mean cost
 */
public record DipGroup(String key, boolean core, int cases, int keptCases, double meanCost, double score) {
}
