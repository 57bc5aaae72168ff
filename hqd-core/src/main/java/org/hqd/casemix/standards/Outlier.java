package org.hqd.casemix.standards;


/** One outlier case; {@code factor} = cost / the DRG's kept mean cost. */
public record Outlier(String hospitalId, String recordId, String department, String physician, String drg,
                      OutlierClass outlierClass, double factor, double cost, double standardCost, double drug,
                      double standardDrug, double material, double standardMaterial, double examLab,
                      double standardExamLab) { }
