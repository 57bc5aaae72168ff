package org.hqd.app.payment;

/** The units cost-output is reported by. */
public enum CostLevel { HOSPITAL, DEPARTMENT, PHYSICIAN, DRG }
