package org.hqd.intake;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.Optional;
import org.hqd.casemix.layout.LayoutCatalog;

/**
 * How to import.
 *
 * @param charset the encoding of CSV files; empty: detected from each file's bytes (UTF-8 or GBK)
 * @param scheme  the scheme asked for on the command line, if any
 * @param layout  the layout of abstract files; empty: recognised from each file's header
 * @param layouts the layouts known besides the bundled ones and those of the data directory's {@code layouts/}
 */
public record ImportSettings(Optional<Charset> charset, int threads, Optional<String> scheme, Optional<String> layout,
                             LayoutCatalog layouts) {
    /** Files in this charset, layouts recognised. */
    public ImportSettings(Charset charset, int threads, Optional<String> scheme) {
        this(Optional.of(charset), threads, scheme, Optional.empty(), LayoutCatalog.bundled());
    }

    /** Encodings detected, layouts recognised among the bundled ones. */
    public static ImportSettings detecting(int threads, Optional<String> scheme) {
        return new ImportSettings(Optional.empty(), threads, scheme, Optional.empty(), LayoutCatalog.bundled());
    }
}
