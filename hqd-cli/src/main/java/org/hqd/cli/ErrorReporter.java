package org.hqd.cli;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.hqd.HqdException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into a message and an exit code, never a stack trace: {@link HqdException} (bad input,
 * missing file) → its message and {@link #DATA_ERROR}; anything else → a short internal-error line and
 * {@link #INTERNAL_ERROR}. Set {@code HQD_DEBUG=1} to see the stack trace.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    /** Exit code for input the command cannot use (missing file, malformed file, unknown scheme). */
    static final int DATA_ERROR = 3;
    static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (System.getenv("HQD_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().println(cmd.getColorScheme().errorText("错误：" + message(ex)));
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException) {
            return CommandLine.ExitCode.USAGE;
        }
        return isDataError(ex) ? DATA_ERROR : INTERNAL_ERROR;
    }

    private static boolean isDataError(Throwable ex) {
        return ex instanceof HqdException || ex instanceof UncheckedIOException
                || ex instanceof java.io.IOException;
    }

    private static String message(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (e instanceof NoSuchFileException nsf) {
            return "文件不存在：" + nsf.getFile();
        }
        if (isDataError(e) && e.getMessage() != null) {
            return e.getMessage();
        }
        return "内部错误 " + e.getClass().getSimpleName() + "：" + e.getMessage() + "（设置环境变量 HQD_DEBUG=1 查看详情）";
    }
}
