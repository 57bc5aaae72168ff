package org.hqd;

/**
 * The database of a data directory failed (not the input): what the store raises when an operation fails, so that an
 * adapter can answer "try again later" (503 on the web) without knowing the store.
 */
public class DataStoreException extends HqdException {
    private static final long serialVersionUID = 1L;

    public DataStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
