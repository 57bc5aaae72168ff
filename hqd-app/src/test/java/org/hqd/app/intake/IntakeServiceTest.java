package org.hqd.app.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.access.AuditEntry;
import org.hqd.app.Actor;
import org.hqd.app.AuditEntries;
import org.hqd.app.Province;
import org.hqd.app.StoreRows;
import org.hqd.app.Workspace;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipParameters;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.intake.FileKind;
import org.hqd.intake.ImportSettings;
import org.hqd.intake.ImportSummary;
import org.hqd.store.dip.DipStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake on a small province: files in the importer's order, one audit entry per file naming the actor, and the
 * cases imported or replaced after a DIP catalogue exists assigned to its groups — whoever imports (the demo too).
 */
final class IntakeServiceTest {
    @TempDir
    Path tmp;

    Workspace w;
    IntakeService intake;

    @BeforeEach
    void open() {
        w = Workspace.open(tmp.resolve("data"));
        intake = new IntakeService(w, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        w.close();
    }

    Intake run(Actor actor, Path... paths) {
        return intake.importFiles(actor, List.of(paths), new ImportSettings(StandardCharsets.UTF_8, 1,
                Optional.empty()), new IntakeService.Progress() { });
    }

    @Test
    void importFiles_inTheImportersOrder_eachFileAuditedOnceWithTheActor() {
        Path source = Province.write(tmp);
        List<String> seen = new ArrayList<>();
        List<String> started = new ArrayList<>();

        Intake r = intake.importFiles(Actor.demo("demo"), List.of(source), new ImportSettings(StandardCharsets.UTF_8,
                1, Optional.empty()), new IntakeService.Progress() {
                    @Override
                    public void started(Path dataDirectory, String scheme) {
                        started.add(dataDirectory + " " + scheme);
                    }

                    @Override
                    public void imported(ImportSummary file) {
                        seen.add(file.file());
                    }
                });

        assertThat(started).containsExactly(tmp.resolve("data") + " " + RulePackCatalog.DEFAULT_PACK);
        assertThat(r.scheme()).isEqualTo(RulePackCatalog.DEFAULT_PACK);
        assertThat(r.files()).extracting(ImportSummary::kind)
                .containsExactly(FileKind.HOSPITALS, FileKind.ANNUAL_REPORTS, FileKind.FACILITY_REPORTS,
                        FileKind.ABSTRACTS);
        assertThat(seen)
                .containsExactly("hospitals.csv", "annual_reports.csv", "facility_reports.csv", "abstracts.csv");
        assertThat(r.dipAssigned()).as("no DIP catalogue yet").isZero();
        List<AuditEntry> audit = AuditEntries.of(w, "导入");
        assertThat(audit).extracting(AuditEntry::detail).containsExactly(
                "hospitals.csv：读取 3 行，新增 3，替换 0，拒收 0",
                "annual_reports.csv：读取 3 行，新增 3，替换 0，拒收 0",
                "facility_reports.csv：读取 6 行，新增 6，替换 0，拒收 0",
                "abstracts.csv：读取 400 行，新增 400，替换 0，拒收 0");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.user()).isEmpty();
            assertThat(e.client()).isEqualTo("演示");
        });

        Intake again = run(Actor.web("admin", "10.0.0.9"), source);

        assertThat(again.files()).allSatisfy(f -> assertThat(f.imported()).isZero());
        assertThat(AuditEntries.of(w, "导入")).hasSize(8).last().satisfies(e -> {
            assertThat(e.user()).contains("admin");
            assertThat(e.detail()).isEqualTo("abstracts.csv：读取 400 行，新增 0，替换 0，拒收 0（已导入过，未重复导入）");
        });
    }

    @Test
    void importFiles_afterADipCatalogueIsBuilt_assignTheNewAndReplacedCases() throws IOException {
        Path source = Province.write(tmp);
        run(Actor.commandLine(), source);
        w.with(d -> new DipStore(d).build(CaseFilter.ALL, DipParameters.DEFAULTS,
                RulePackCatalog.bundled().load(RulePackCatalog.DEFAULT_PACK).orProcedures()::containsKey));
        // the first abstract again with a changed cost (it replaces the stored one) and one new record
        List<String> lines = Files.readAllLines(source.resolve("abstracts.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] changed = lines.get(1).split(",", -1);
        for (String column : List.of("total_cost", "cost_other")) {
            int at = header.indexOf(column);
            changed[at] = String.valueOf(Double.parseDouble(changed[at]) + 1);
        }
        String[] added = lines.get(2).split(",", -1);
        added[header.indexOf("record_id")] = "NEW-0001";
        Path resent = Files.write(tmp.resolve("resent.csv"), List.of(lines.get(0), String.join(",", changed),
                String.join(",", added)));

        Intake r = run(Actor.commandLine(), resent);

        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.imported()).isEqualTo(1);
            assertThat(f.replaced()).isEqualTo(1);
        });
        assertThat(r.dipAssigned()).isEqualTo(2);
        assertThat(StoreRows.count(w, "SELECT count(*) FROM cases WHERE dip_key IS NULL")).isZero();
        assertThat(StoreRows.count(w, "SELECT count(*) FROM cases")).isEqualTo(401);
    }
}
