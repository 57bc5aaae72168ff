package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hqd.store.DataDirectory;
import org.hqd.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd serve}: the web application and HTTP API on a data directory, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "启动 Web 应用与 HTTP API（/api，说明见 /openapi.json），直到按 Ctrl-C 停止；用户由 hqd user add 创建")
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "<端口>", description = "端口；默认 ${DEFAULT-VALUE}")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "<地址>",
            description = "监听地址；默认 ${DEFAULT-VALUE}（仅本机），0.0.0.0 为全部网卡")
    private String host;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (DataDirectory dir = DataDirectory.openForWriting(data.data)) {
            WeightsInUse.of(dir, spec.commandLine().getErr());
            run(dir, host, port, out);
        }
        return 0;
    }

    /** The server on the port, or on any free port when that one is taken. */
    private static WebServer start(DataDirectory dir, String host, int port) {
        try {
            return WebServer.start(dir, host, port, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (port == 0 || !String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("bind")
                    && !(e.getCause() instanceof java.net.BindException)) {
                throw e;
            }
            return WebServer.start(dir, host, 0, Clock.systemUTC());
        }
    }

    /** Starts the server, says where, and blocks until the process is stopped. */
    static void run(DataDirectory dir, String host, int port, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (WebServer server = start(dir, host, port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            out.printf("HQD Web 应用已启动：http://%s:%d/ （API 说明 http://%s:%d/openapi.json）；按 Ctrl-C 停止%n",
                    host.equals("0.0.0.0") ? "localhost" : host, server.port(),
                    host.equals("0.0.0.0") ? "localhost" : host, server.port());
            out.flush();
            stopped.await();
        }
    }
}
