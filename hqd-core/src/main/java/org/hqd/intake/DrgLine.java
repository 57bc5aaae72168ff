package org.hqd.intake;

/** One DRG with its cases. */
public record DrgLine(String drg, long cases) { }
