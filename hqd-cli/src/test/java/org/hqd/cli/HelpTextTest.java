package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help is what its author wrote: no text that picocli cannot format (a lone % in a description), and
 * no English of picocli's own (the standard options and headings read in Chinese).
 */
final class HelpTextTest {

    @Test
    void everyCommandsHelp_rendersWithoutAFormatWarning() {
        List<String> rendered = new ArrayList<>();
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            render(Main.commandLine(), rendered);
        } finally {
            System.setErr(err);
        }

        assertThat(rendered).hasSizeGreaterThan(30).contains("hqd", "hqd monitor", "hqd budget import");
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void render(CommandLine cmd, List<String> rendered) {
        String usage = cmd.getUsageMessage();
        assertThat(usage).as(cmd.getCommandSpec().qualifiedName()).contains("用法：").contains("显示本帮助并退出")
                .doesNotContain("Usage:", "Show this help message", "Print version information");
        rendered.add(cmd.getCommandSpec().qualifiedName());
        cmd.getSubcommands().values().forEach(sub -> render(sub, rendered));
    }
}
