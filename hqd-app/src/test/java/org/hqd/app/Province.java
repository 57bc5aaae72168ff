package org.hqd.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hqd.app.intake.Intake;
import org.hqd.app.intake.IntakeService;
import org.hqd.intake.ImportSettings;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;

/** A small synthetic province (3 hospitals H0001–H0003, 400 discharges over two months of 2024). */
public final class Province {
    public static final GeneratorSettings SETTINGS = GeneratorSettings.of(3, 400, 2, 16);

    private Province() {
    }

    /** Writes the province's files into a folder of {@code tmp}; returns the folder. */
    public static Path write(Path tmp) {
        Path source = tmp.resolve("province");
        try {
            SyntheticProvince.standard().writeTo(SETTINGS, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return source;
    }

    /** Writes the province and imports it through the intake, as the command line does. */
    public static Intake importInto(Workspace w, Path tmp) {
        return new IntakeService(w, Clock.systemUTC()).importFiles(Actor.commandLine(), List.of(write(tmp)),
                new ImportSettings(StandardCharsets.UTF_8, 1, Optional.empty()), new IntakeService.Progress() { });
    }
}
