package org.hqd.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;

/**
 * Finds a TrueType font with Chinese glyphs for the rendered reports: the file named by the environment variable
 * {@code HQD_CJK_FONT}, else the first of the usual Debian locations that exists (WenQuanYi Micro Hei / Zen Hei,
 * Droid Sans Fallback, AR PL UMing). OpenType-CFF fonts (Noto CJK .otf/.ttc) cannot be embedded in the PDF.
 */
public final class CjkFont {
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private CjkFont() {
    }

    /** The font file to use, or a clear error saying how to install one. */
    public static Path locate() {
        return locate(Optional.ofNullable(System.getenv("HQD_CJK_FONT")));
    }

    static Path locate(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path p = Path.of(configured.get());
            if (!Files.isRegularFile(p)) {
                throw new HqdException("HQD_CJK_FONT 指向的字体文件不存在：" + p);
            }
            return p;
        }
        for (String c : CANDIDATES) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new HqdException("生成通报需要中文 TrueType 字体：请安装 fonts-wqy-microhei（apt-get install fonts-wqy-microhei），"
                + "或用环境变量 HQD_CJK_FONT 指定 .ttf/.ttc 字体文件");
    }
}
