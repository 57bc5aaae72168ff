package org.hqd.store.importing;

import java.nio.file.Path;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;

/**
 * A separate {@code hqd import} for {@link ImporterKillTest}: imports one file into a data directory and prints
 * {@code OPENED} once the directory is open and {@code DONE <read> <imported>} at the end. The test kills it at
 * chosen moments.
 */
final class ImportProcess {
    private ImportProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(Path.of(args[0]))) {
            Importer importer = Stores.importer(dir);
            System.out.println("OPENED");
            System.out.flush();
            ImportSummary s = importer.importFile(Path.of(args[1]));
            System.out.println("DONE " + s.read() + " " + s.imported());
        }
    }
}
