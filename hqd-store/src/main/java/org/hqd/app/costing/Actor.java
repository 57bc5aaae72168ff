package org.hqd.app.costing;

import java.util.Objects;
import java.util.Optional;

/**
 * Who starts a costing use case: the name stored with what it changes, the channel (命令行, 网页, 演示) and the
 * client the audit log records. A stand-in for the application layer's actor until that layer exists; only web
 * users are accounts of HQD, so only their entries name an account.
 */
public record Actor(String name, String channel, String client, boolean account) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(client, "client");
    }

    /** The user of the operating system on the command line. */
    public static Actor commandLine() {
        String u = System.getProperty("user.name");
        return new Actor(u == null || u.isBlank() ? "命令行" : u, "命令行", "命令行", false);
    }

    /** A logged-in user of the web application, from a remote address. */
    public static Actor web(String user, String remoteAddress) {
        return new Actor(user, "网页", remoteAddress, true);
    }

    /** The demo. */
    public static Actor demo() {
        return new Actor("demo", "演示", "演示", false);
    }

    /** The account the audit log names. */
    public Optional<String> auditAccount() {
        return account ? Optional.of(name) : Optional.empty();
    }
}
