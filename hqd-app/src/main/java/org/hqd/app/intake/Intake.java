package org.hqd.app.intake;

import java.util.List;
import org.hqd.intake.ImportSummary;

/**
 * What an intake did: the data directory's grouping scheme, each file's import in the order they were imported, and
 * how many new or replaced cases were assigned to the latest DIP catalogue's groups (0 without a catalogue).
 */
public record Intake(String scheme, List<ImportSummary> files, long dipAssigned) {
    public Intake {
        files = List.copyOf(files);
    }
}
