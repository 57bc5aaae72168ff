package org.hqd.io.layout;

import org.hqd.HqdException;
import org.hqd.casemix.layout.HeaderMapping;

/** A file whose header is in no known layout; carries the closest layout laid over it, for a report. */
public final class UnknownLayoutException extends HqdException {
    private static final long serialVersionUID = 1L;
    private final transient HeaderMapping closest;

    UnknownLayoutException(String message, HeaderMapping closest) {
        super(message);
        this.closest = closest;
    }

    /** The layout that comes closest, over the file's header. */
    public HeaderMapping closest() {
        return closest;
    }
}
