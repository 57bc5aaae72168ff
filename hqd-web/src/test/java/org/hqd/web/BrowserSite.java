package org.hqd.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one server and the one Chromium every browser test of a test run works with: started when a test first asks
 * for them (a parameter of type {@link TestServer} or {@link Chromium}), closed when the run ends. Starting a
 * server on a copy of the test province and a Chromium costs seconds each; the browser test classes share them.
 *
 * <p>The site's data is the {@link TestProvince} with what the browser tests read and no test changes, prepared before
 * the server starts: the hostile values of {@link BrowserSecurityTest#plant}, and the actual amounts, one hospital's
 * budget and the cost accounting of {@link BrowserUnitsTest#prepare}.
 * What a test changes itself (the ledger, the own hospital's budget) it changes in a part of the data no other browser
 * test reads, and every test logs in as the user it needs ({@link Chromium#login} starts a new session), so the tests
 * pass in any order.
 */
final class BrowserSite implements ParameterResolver {
    private static final ExtensionContext.Namespace SHARED = ExtensionContext.Namespace.create(BrowserSite.class);

    /** The shared server and browser, and the folder of the server's data. */
    private record Site(TestServer server, Chromium chrome, Path folder) implements AutoCloseable {
        @Override
        public void close() {
            try {
                chrome.close();
            } finally {
                server.close();
                TestProvince.delete(folder);
            }
        }
    }

    /** A test (or its {@code @BeforeAll}, {@code @BeforeEach}) takes the site's server or browser as a parameter. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestServer.class || type == Chromium.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Site site = context.getRoot().getStore(SHARED).getOrComputeIfAbsent(Site.class, k -> start(), Site.class);
        return parameter.getParameter().getType() == TestServer.class ? site.server() : site.chrome();
    }

    private static Site start() {
        try {
            Path folder = Files.createTempDirectory("hqd-browser-site");
            TestServer server = new TestServer(folder, Clock.systemUTC(), d -> {
                BrowserSecurityTest.plant(d);
                BrowserUnitsTest.prepare(d, folder.resolve("budget"));
            });
            try {
                return new Site(server, new Chromium(server.base()), folder);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
