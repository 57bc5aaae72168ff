package org.hqd.evaluation;


/** What loading a target set did: the set, and whether it replaced a set of the same id. */
public record LoadedTargets(TargetSet set, boolean replaced) { }
