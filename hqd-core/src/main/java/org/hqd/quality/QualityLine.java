package org.hqd.quality;

/** One line of the data-quality report (a hospital's month, a dimension, a rule); {@code passRate} = 1 − failed / rows. */
public record QualityLine(String hospitalId, String period, long rows, String dimension, String ruleId, long failed,
                          double passRate) { }
