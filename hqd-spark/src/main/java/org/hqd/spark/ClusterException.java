package org.hqd.spark;

import org.hqd.HqdException;

/** A Spark master or cluster HQD cannot use as asked: the message says what was asked and what to run or set instead. */
final class ClusterException extends HqdException {
    private static final long serialVersionUID = 1L;

    ClusterException(String message) {
        super(message);
    }

    ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
