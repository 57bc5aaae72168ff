package org.hqd.store.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hqd.casemix.standards.LatestWeights;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EnsureComputedTest {
    @TempDir
    Path tmp;

    @Test
    void weightsOfAnEmptyStore_areComputedAgainOnceThereAreCases() throws Exception {
        Path data = tmp.resolve("data");
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            LatestWeights empty = new StandardsStore(dir).ensureComputed("chs-drg-1.1");
            assertThat(empty.computedNow()).isTrue();
            assertThat(empty.version().cases()).isZero();
        }
        Path file = tmp.resolve("abstracts.csv");
        Files.writeString(file, AbstractRow.file(List.of(AbstractRow.valid("H1", "R1"), AbstractRow.valid("H1", "R2"))));
        Stores.importInto(data, file);

        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            LatestWeights now = new StandardsStore(dir).ensureComputed("chs-drg-1.1");
            assertThat(now.computedNow()).isTrue();
            assertThat(now.version().version()).isEqualTo(2);
            assertThat(now.version().cases()).isEqualTo(2);
            assertThat(new StandardsStore(dir).ensureComputed("chs-drg-1.1").computedNow()).isFalse();
        }
    }
}
