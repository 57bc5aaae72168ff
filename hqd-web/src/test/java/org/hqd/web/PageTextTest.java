package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the pages say to their readers names no command line: a regulator or a department head does not run
 * {@code hqd budget targets}; a page says who provides what is missing. Every string literal of the pages' scripts
 * is read (the modules under {@code web/}, as served).
 */
final class PageTextTest {
    /** A command of the CLI inside a string literal: "hqd " and a lower-case command word. */
    static final Pattern COMMAND = Pattern.compile("hqd [a-z]");
    private static final Pattern LITERAL = Pattern.compile("'([^'\\\\\\n]|\\\\.)*'|\"([^\"\\\\\\n]|\\\\.)*\"|`[^`]*`");

    static List<String> commandsIn(String script) {
        List<String> found = new ArrayList<>();
        Matcher m = LITERAL.matcher(script);
        while (m.find()) {
            if (COMMAND.matcher(m.group()).find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Test
    void commandsIn_findsACommandInAStringLiteral_notInAComment() {
        assertThat(commandsIn("// run hqd dip build first\nm.textContent = '尚无目录：请先运行 hqd dip build';"))
                .containsExactly("'尚无目录：请先运行 hqd dip build'");
        assertThat(commandsIn("const a = \"HQD 公立医院\"; const b = `合成数据`;")).isEmpty();
    }

    @Test
    void pageScripts_nameNoCommandLine() throws IOException {
        Path web = Path.of("src/main/resources/web");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(web)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8).replaceAll("(?m)^\\s*//.*$", "");
                commandsIn(text).forEach(c -> found.add(web.relativize(f) + ": " + c));
            }
        }
        assertThat(found).isEmpty();
    }
}
