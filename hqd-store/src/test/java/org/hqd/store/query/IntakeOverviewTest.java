package org.hqd.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hqd.hospital.HospitalColumn;
import org.hqd.intake.DrgLine;
import org.hqd.intake.TierLine;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.hqd.store.fixtures.ValidAbstracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IntakeOverviewTest {
    @TempDir
    Path tmp;

    /**
     * H001 (CITY_TERTIARY): GD25 twice, FV25, ES31 — LOS 5, 7, 10, 5; cost 10000, 10500.50, 23456.78, 10000.
     * H002 (not registered): PS45, ungroupable, MZ19 — LOS 3, 5, 4; cost 10000 each.
     */
    private Path store() throws IOException {
        List<AbstractRow> rows = new ArrayList<>(ValidAbstracts.rows());
        rows.add(AbstractRow.valid("H001", "R009"));
        Path data = tmp.resolve("data");
        Stores.importInto(data, Files.writeString(tmp.resolve("a.csv"), AbstractRow.file(rows)),
                Files.writeString(tmp.resolve("h.csv"), String.join(",", HospitalColumn.header())
                        + "\nH001,甲医院,430000,430100,430102,CITY_TERTIARY,GENERAL,800\n"));
        return data;
    }

    @Test
    void byTier_registeredAndUnregisteredHospitals_summariseTheirCases() throws IOException {
        try (DataDirectory dir = DataDirectory.openForReading(store())) {
            List<TierLine> lines = new IntakeOverview(dir).byTier();

            assertThat(lines).extracting(TierLine::tier, TierLine::hospitals, TierLine::cases, TierLine::drgs)
                    .containsExactly(tuple("CITY_TERTIARY", 1L, 4L, 3L),
                            tuple("(未登记)", 1L, 3L, 2L));
            assertThat(lines.get(0).groupedShare()).isEqualTo(1.0);
            assertThat(lines.get(0).meanLos()).isEqualTo(6.75);
            assertThat(lines.get(0).meanCost()).isCloseTo(13489.32, within(1e-9));
            assertThat(lines.get(1).groupedShare()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(lines.get(1).meanLos()).isEqualTo(4.0);
            assertThat(lines.get(1).meanCost()).isEqualTo(10000.0);
        }
    }

    @Test
    void topDrgs_ties_areOrderedByCode() throws IOException {
        try (DataDirectory dir = DataDirectory.openForReading(store())) {
            assertThat(new IntakeOverview(dir).topDrgs(3))
                    .containsExactly(new DrgLine("GD25", 2), new DrgLine("ES31", 1), new DrgLine("FV25", 1));
        }
    }
}
