package org.hqd.casemix.standards;


/** A weight version and whether it was computed by the call that returned it. */
public record LatestWeights(WeightVersion version, boolean computedNow) { }
