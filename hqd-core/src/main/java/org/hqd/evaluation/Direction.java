package org.hqd.evaluation;

/** Which way an indicator improves; decides rankings and attainment scores. */
public enum Direction {
    HIGHER_BETTER,
    LOWER_BETTER
}
