package org.hqd;

/**
 * A broken input or precondition that stops a command: the message names the input, the bad value and,
 * where there is one, the fix. Expected outcomes (an invalid case, an ungroupable case) are values, not this.
 */
public class HqdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HqdException(String message) {
        super(message);
    }

    public HqdException(String message, Throwable cause) {
        super(message, cause);
    }
}
