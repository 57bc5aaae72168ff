package org.hqd.app;

import java.util.Objects;
import java.util.Optional;

/**
 * Who starts a use case: the name stored with what it changes (a budget event's user, a progress note's author), the
 * channel, and the client the audit log records (the web's remote address; the channel's label otherwise). Only the
 * web's users are accounts of HQD: the command line and the demo act as the owner of the data directory, so their
 * audit entries name no account.
 */
public record Actor(String name, Channel channel, String client) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(client, "client");
    }

    /** The user of the operating system on the command line ("命令行" when it has no name). */
    public static Actor commandLine() {
        String u = System.getProperty("user.name");
        return new Actor(u == null || u.isBlank() ? Channel.CLI.label() : u, Channel.CLI, Channel.CLI.label());
    }

    /** A logged-in user of the web application, from a remote address. */
    public static Actor web(String account, String remoteAddress) {
        return new Actor(account, Channel.WEB, remoteAddress);
    }

    /** A role the demo plays ("demo", "demo 财务科" …). */
    public static Actor demo(String name) {
        return new Actor(name, Channel.DEMO, Channel.DEMO.label());
    }

    /** The account the audit log names: the web user's; none for the command line and the demo. */
    public Optional<String> account() {
        return channel == Channel.WEB ? Optional.of(name) : Optional.empty();
    }
}
