package org.hqd.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import org.hqd.casemix.layout.LayoutCatalog;
import picocli.CommandLine.Option;

/** How abstract files are read: their encoding and layout (detected and recognised unless named). A mixin. */
final class LayoutOptions {
    @Option(names = "--encoding", paramLabel = "<编码>",
            description = "CSV 文件编码，如 UTF-8、GBK；默认按文件内容识别 UTF-8 或 GBK")
    Charset encoding;

    @Option(names = "--layout", paramLabel = "<格式>",
            description = "文件格式（见 hqd layouts），如 hqms-codes、settlement-flat；默认按表头识别")
    String layout;

    @Option(names = "--layouts", paramLabel = "<目录>",
            description = "另加的格式定义目录：其中每个 *.json 文件是一个格式（hqd-layout/1，可继承内置格式，只写不同的列名）")
    Path layouts;

    Optional<Charset> charset() {
        return Optional.ofNullable(encoding);
    }

    Optional<String> layout() {
        return Optional.ofNullable(layout);
    }

    /** The bundled layouts and those of {@code --layouts}. */
    LayoutCatalog catalog() {
        LayoutCatalog c = LayoutCatalog.bundled();
        if (layouts != null) {
            if (!java.nio.file.Files.isDirectory(layouts)) {
                throw new org.hqd.HqdException("格式定义目录不存在：" + layouts);
            }
            c = c.withFolder(layouts);
        }
        return c;
    }
}
