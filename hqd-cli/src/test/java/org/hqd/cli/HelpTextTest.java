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
 * no English of picocli's own (the standard options and headings read in Chinese), and no path of HQD's repository (a
 * user has the program, not the sources: a help says what the user needs to know instead of citing a file).
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

    @Test
    void everyCommandsHelp_citesNoRepositoryFile() {
        List<String> helps = new ArrayList<>();
        collect(Main.commandLine(), helps);
        assertThat(helps).hasSizeGreaterThan(30).allSatisfy(h -> assertThat(h)
                .doesNotContain("docs/", "src/", "resources/", ".md", "DESIGN", "§", "ranking.tsv", "costing-rules.tsv"));
    }

    private static void collect(CommandLine cmd, List<String> helps) {
        helps.add(cmd.getUsageMessage());
        cmd.getSubcommands().values().forEach(sub -> collect(sub, helps));
    }

    private static void render(CommandLine cmd, List<String> rendered) {
        String usage = cmd.getUsageMessage();
        assertThat(usage).as(cmd.getCommandSpec().qualifiedName()).contains("用法：").contains("显示本帮助并退出")
                .doesNotContain("Usage:", "Show this help message", "Print version information");
        rendered.add(cmd.getCommandSpec().qualifiedName());
        cmd.getSubcommands().values().forEach(sub -> render(sub, rendered));
    }
}
