package org.hqd.spark;

import java.util.concurrent.Callable;
import org.hqd.HqdException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hqd spark run|submit-args}: the province job on Apache Spark. */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "在 Apache Spark 上运行全省数据的分组、病组标准、医院绩效和评价（与内嵌数据目录的定义相同），结果写为 Parquet",
        subcommands = {RunCommand.class, SubmitArgsCommand.class})
public final class SparkMain implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with HQD's error handling: a {@link HqdException} is a message and exit code 3. */
    static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new SparkMain());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof HqdException)) {
                t = t.getCause();
            }
            if (t instanceof HqdException) {
                line.getErr().println("错误：" + t.getMessage());
            } else {
                // an internal failure: what Spark said and its root cause; the stack trace with HQD_DEBUG=1
                line.getErr().println("错误：" + ex + (t != ex ? "\n原因：" + t : ""));
                if ("1".equals(System.getenv("HQD_DEBUG"))) {
                    ex.printStackTrace(line.getErr());
                }
            }
            line.getErr().flush();
            return t instanceof HqdException ? 3 : 1;
        });
        return cmd;
    }
}
