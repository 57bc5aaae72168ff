package org.hqd.casemix.grouping;

/** Gives the Chinese name of a code, for traces. */
@FunctionalInterface
interface CodeNames {
    /** The code followed by its name when known, e.g. "K35.800x001 急性阑尾炎". */
    String label(String code);
}
