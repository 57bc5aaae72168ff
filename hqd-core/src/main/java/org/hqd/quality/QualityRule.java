package org.hqd.quality;

import java.util.Objects;

/**
 * One data-quality rule of the catalogue: its id (what scripts and the {@code rejects} view use), the quality
 * dimension it measures (完整性 completeness, 规范性 conformity, 一致性 consistency), its severity and the
 * Chinese message users read.
 */
public record QualityRule(String id, String dimension, Severity severity, String message) {
    public QualityRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
