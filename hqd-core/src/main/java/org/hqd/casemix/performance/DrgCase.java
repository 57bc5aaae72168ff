package org.hqd.casemix.performance;

/** One case of the DRG ({@code dischargeDate} as YYYY-MM-DD). */
public record DrgCase(String hospitalId, String recordId, String department, String physician,
                      String dischargeDate, int losDays, double cost, double costRatio, double losRatio,
                      boolean died) { }
