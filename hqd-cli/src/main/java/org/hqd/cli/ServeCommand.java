package org.hqd.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hqd.app.Workspace;
import org.hqd.report.CjkFont;
import org.hqd.report.ReportWarmUp;
import org.hqd.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hqd serve}: the web application and HTTP API on a data directory, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "启动 Web 应用与 HTTP API（/api，说明见 /openapi.json），直到按 Ctrl-C 停止；用户由 hqd user add 创建"
                + "（服务运行时 hqd user 的修改经服务生效）")
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

    @Option(names = "--secure-cookies", description = "浏览器经 HTTPS（如前置的 TLS 反向代理）访问时使用：会话 Cookie 加 Secure 标记并发送 HSTS")
    private boolean secureCookies;

    @Option(names = "--trusted-proxy", paramLabel = "<地址>", split = ",",
            description = "前置反向代理的地址（可多个）：只相信它们发来的 X-Forwarded-For（客户端地址，用于审计与登录限速）"
                    + "和 X-Forwarded-Proto（为 https 时 Cookie 加 Secure）")
    private List<String> trustedProxies = List.of();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace dir = data.open()) {
            WeightsInUse.of(dir, spec.commandLine().getErr());
            run(dir, new WebServer.Settings(host, port, secureCookies, Set.copyOf(trustedProxies)), out);
        }
        return 0;
    }

    /** The server on the port, or on any free port when that one is taken. */
    private static WebServer start(Workspace dir, WebServer.Settings settings) {
        try {
            return WebServer.start(dir, settings, Clock.systemUTC());
        } catch (RuntimeException e) {
            if (settings.port() == 0 || !String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("bind")
                    && !(e.getCause() instanceof java.net.BindException)) {
                throw e;
            }
            return WebServer.start(dir, new WebServer.Settings(settings.host(), 0, settings.secureCookies(),
                    settings.trustedProxies()), Clock.systemUTC());
        }
    }

    /**
     * Starts the server, says where, and blocks until the process is stopped; on Ctrl-C (or SIGTERM) the server is
     * closed before the process ends, so that its channel file ({@code serve.json}) is removed.
     */
    static void run(Workspace dir, WebServer.Settings settings, PrintWriter out) throws InterruptedException {
        String host = settings.host();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try (WebServer server = start(dir, settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                try {
                    closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            out.printf("HQD Web 应用已启动：http://%s:%d/ （API 说明 http://%s:%d/openapi.json）；按 Ctrl-C 停止%n",
                    host.equals("0.0.0.0") ? "localhost" : host, server.port(),
                    host.equals("0.0.0.0") ? "localhost" : host, server.port());
            out.flush();
            warmUpReports(server);
            stopped.await();
        } finally {
            closed.countDown();
        }
    }

    /**
     * Loads and exercises the briefing libraries in the server's warm-up thread, after the shared results, so that no
     * request pays for it (the first briefing or report after a start cost 1.4–2.2 CPU-seconds more than the next).
     * Without a CJK font nothing is loaded: the first briefing then says which font is missing.
     */
    private static void warmUpReports(WebServer server) {
        server.warmUpOnce("简报与报表的 PDF、Excel 和图表库", () -> {
            try {
                ReportWarmUp.run(CjkFont.locate());
            } catch (RuntimeException e) {
                // the briefing requests report it with their own message
            }
        });
    }
}
