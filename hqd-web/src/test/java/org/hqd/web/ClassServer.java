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
 * A server of one test class ({@code @ExtendWith(ClassServer.class)}) on its own copy of the {@link TestProvince}, on
 * the system clock: started when the class's {@code @BeforeAll} asks for it (a parameter of type {@link TestServer}),
 * closed and its folder deleted when the class's tests are done. What the class's tests change stays in its copy.
 */
final class ClassServer implements ParameterResolver {
    private static final ExtensionContext.Namespace OWN = ExtensionContext.Namespace.create(ClassServer.class);

    /** The server and the folder of its data. */
    private record Started(TestServer server, Path folder) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } finally {
                TestProvince.delete(folder);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    /** The class's server: kept in the store of the context that first asks (the class's, from its {@code @BeforeAll}). */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(OWN).getOrComputeIfAbsent(Started.class, k -> start(), Started.class).server();
    }

    private static Started start() {
        try {
            Path folder = Files.createTempDirectory("hqd-class-server");
            return new Started(new TestServer(folder, Clock.systemUTC()), folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
