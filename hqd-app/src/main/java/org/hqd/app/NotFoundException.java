package org.hqd.app;

import org.hqd.HqdException;

/**
 * What a use case was asked about does not exist (a task id, a hospital's budget of a year): the web answers 404,
 * the command line exits as for any unusable input.
 */
public final class NotFoundException extends HqdException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    /** @param hint the command-line fix, e.g. "（用 hqd ledger tasks 查看任务编号）" */
    public NotFoundException(String message, String hint) {
        super(message, hint);
    }
}
