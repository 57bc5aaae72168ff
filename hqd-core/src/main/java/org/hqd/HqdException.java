package org.hqd;

/**
 * A broken input or precondition that stops a command: the message names the input, the bad value and,
 * where there is one, the fix. Expected outcomes (an invalid case, an ungroupable case) are values, not this.
 *
 * <p>A fix that only the command line can apply ("（--comment）", "（hqd budget adjust）") is kept apart as a
 * hint: {@link #getMessage()} gives the message with its hint, as the command line prints it, and
 * {@link #withoutHint()} the message alone, for the web pages, whose users have no command line.
 */
public class HqdException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public HqdException(String message) {
        this(message, "", null);
    }

    public HqdException(String message, Throwable cause) {
        this(message, "", cause);
    }

    /** @param hint the command-line fix, as for {@link #withHint(String, String)} */
    protected HqdException(String message, String hint) {
        this(message, hint, null);
    }

    private HqdException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /**
     * @param hint the command-line fix, with its own punctuation, appended to the message on the command line,
     *             e.g. {@code "（--comment）"} or {@code "：请加 --encoding GBK 重新导入"}
     */
    public static HqdException withHint(String message, String hint) {
        return new HqdException(message, hint, null);
    }

    @Override
    public String getMessage() {
        return super.getMessage() + hint;
    }

    /** The message without the command-line hint. */
    public String withoutHint() {
        return super.getMessage();
    }
}
