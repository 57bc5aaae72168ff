package org.hqd.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hqd.app.intake.IntakeService;
import org.hqd.intake.ImportSettings;

/** A register of two hospitals, H1 (第一医院) and H2 (第二医院), imported into a workspace through the intake. */
public final class Register {
    private Register() {
    }

    public static void importInto(Workspace w, Path tmp) {
        try {
            Path reg = Files.writeString(tmp.resolve("hospitals.csv"), """
                    hospital_id,name,province_code,city_code,county_code,tier,type,beds
                    H1,第一医院,620000,620100,620102,CITY_TERTIARY,GENERAL,500
                    H2,第二医院,620000,620100,620103,COUNTY,GENERAL,200
                    """);
            new IntakeService(w, Clock.systemUTC()).importFiles(Actor.commandLine(), List.of(reg),
                    new ImportSettings(StandardCharsets.UTF_8, 1, Optional.empty()), new IntakeService.Progress() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
