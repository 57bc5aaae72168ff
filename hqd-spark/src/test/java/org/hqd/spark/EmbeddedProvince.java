package org.hqd.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.intake.ImportSettings;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.importing.Importer;
import org.hqd.store.standards.StandardsStore;
import org.hqd.synth.GeneratorSettings;
import org.hqd.synth.SyntheticProvince;

/**
 * A generated province (合成数据) with two rows the quality rules reject, and the embedded path's results for it: the
 * folder {@code source} as {@code hqd generate} writes it, imported into {@code dir} with standards computed.
 */
record EmbeddedProvince(Path source, DataDirectory dir, int hospitals, int records) implements AutoCloseable {
    static EmbeddedProvince create(Path root, int hospitals, int records, long seed) throws IOException {
        Path source = root.resolve("src");
        SyntheticProvince.standard().writeTo(GeneratorSettings.of(hospitals, records, 12, seed), source);
        // rows the rules reject (no principal diagnosis; a negative cost), so both paths must keep the same ones out
        Files.writeString(source.resolve("abstracts.csv"), badRows(source.resolve("abstracts.csv")),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        DataDirectory dir = DataDirectory.openForWriting(root.resolve("data"));
        Importer importer = new Importer(dir, RulePackCatalog.bundled(), QualityRuleCatalog.standard(),
                new ImportSettings(StandardCharsets.UTF_8, 2, Optional.empty()));
        for (Path f : importer.inImportOrder(Importer.expand(List.of(source)))) {
            importer.importFile(f);
        }
        new StandardsStore(dir).ensureComputed(RulePackCatalog.DEFAULT_PACK);
        return new EmbeddedProvince(source, dir, hospitals, records);
    }

    /** Two copies of the file's first data row: one without a principal diagnosis, one with a negative total cost. */
    static String badRows(Path abstracts) throws IOException {
        List<String> lines = Files.readAllLines(abstracts);
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] a = lines.get(1).split(",", -1);
        String[] b = lines.get(1).split(",", -1);
        a[header.indexOf("record_id")] = "BAD-NODX";
        a[header.indexOf("principal_dx")] = "";
        b[header.indexOf("record_id")] = "BAD-COST";
        b[header.indexOf("total_cost")] = "-5";
        return String.join(",", a) + "\n" + String.join(",", b) + "\n";
    }

    @Override
    public void close() {
        dir.close();
    }
}
