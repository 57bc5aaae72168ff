package org.hqd.store.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.evaluation.Comparison;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.LoadedTargets;
import org.hqd.evaluation.Target;
import org.hqd.evaluation.TargetSet;
import org.hqd.hospital.HospitalTier;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target sets kept in a data directory: loading makes a set the default, same id replaces, bad sets are refused. */
final class TargetStoreTest {
    /** The ids of the bundled target sets, then these. */
    static String[] withBundled(String... loaded) {
        List<String> out = new java.util.ArrayList<>(List.of("design-default", "national-tertiary-plans",
                "national-secondary-plans", "hqd-2022-plans"));
        out.addAll(List.of(loaded));
        return out.toArray(new String[0]);
    }

    static final IndicatorCatalog CATALOGUE = IndicatorCatalog.standard();

    static final String REGION_A = """
            # id: region-a
            # name: 甲市目标
            indicator\ttier\tcomparison\ttarget\tyear\tsource
            cmi\t*\tGE\t1.0\t\t甲市规划第 3 条
            alos\tCOUNTY\tLT\t7.5\t2025\t甲市规划第 4 条
            """;

    static final String REGION_B = """
            # id: region-b
            indicator\ttier\tcomparison\ttarget\tyear\tsource
            emr_level\t*\t≥\t4\t\t乙市规划
            """;

    @TempDir
    Path tmp;

    private DataDirectory open() {
        return DataDirectory.openForWriting(tmp.resolve("data"));
    }

    @Test
    void freshDirectory_defaultIsTheBundledSet() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);

            assertThat(store.ids()).containsExactly(withBundled());
            assertThat(store.defaultId()).isEqualTo("design-default");
            assertThat(store.get(Optional.empty()).id()).isEqualTo("design-default");
            assertThat(store.get(Optional.empty()).targets()).isEqualTo(TargetSet.standard(CATALOGUE).targets());
        }
    }

    @Test
    void load_newSet_isStoredParsedAndBecomesTheDefault() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);

            LoadedTargets l = store.load(REGION_A, "region-a.tsv");

            assertThat(l.replaced()).isFalse();
            assertThat(l.set().id()).isEqualTo("region-a");
            assertThat(l.set().name()).isEqualTo("甲市目标");
            assertThat(store.defaultId()).isEqualTo("region-a");
            assertThat(dir.setting(TargetStore.DEFAULT_SETTING)).contains("region-a");
            assertThat(store.ids()).containsExactly(withBundled("region-a"));
            TargetSet got = store.get(Optional.empty());
            assertThat(got.id()).isEqualTo("region-a");
            assertThat(got.targets()).containsExactly(
                    new Target("cmi", Optional.empty(), Comparison.GE, 1.0, java.util.OptionalInt.empty(),
                            "甲市规划第 3 条"),
                    new Target("alos", Optional.of(HospitalTier.COUNTY), Comparison.LT, 7.5,
                            java.util.OptionalInt.of(2025), "甲市规划第 4 条"));
            assertThat(Stores.rows(dir.connection(), "SELECT set_id, name, file, content FROM target_sets"))
                    .containsExactly("region-a|甲市目标|region-a.tsv|" + REGION_A);
            // the bundled set stays reachable by id
            assertThat(store.get(Optional.of("design-default")).targets())
                    .isEqualTo(TargetSet.standard(CATALOGUE).targets());
        }
    }

    @Test
    void load_secondSet_becomesTheDefault_andTheFirstStaysAvailable() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            store.load(REGION_A, "a.tsv");

            LoadedTargets l = store.load(REGION_B, "b.tsv");

            assertThat(l.replaced()).isFalse();
            assertThat(l.set().name()).isEqualTo("region-b"); // no '# name:': the id
            assertThat(store.defaultId()).isEqualTo("region-b");
            assertThat(store.ids()).containsExactly(withBundled("region-a", "region-b"));
            assertThat(store.get(Optional.of("region-a")).targets()).hasSize(2);
            assertThat(store.get(Optional.empty()).targets()).singleElement()
                    .satisfies(t -> assertThat(t.comparison()).isEqualTo(Comparison.GE));
        }
    }

    @Test
    void load_sameIdAgain_replacesTheSetAndSaysSo_andMakesItTheDefaultAgain() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            store.load(REGION_A, "a.tsv");
            store.load(REGION_B, "b.tsv");
            String changed = REGION_A.replace("cmi\t*\tGE\t1.0", "cmi\t*\tGE\t1.2");

            LoadedTargets l = store.load(changed, "a-v2.tsv");

            assertThat(l.replaced()).isTrue();
            assertThat(store.defaultId()).isEqualTo("region-a");
            assertThat(store.ids()).containsExactly(withBundled("region-a", "region-b"));
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM target_sets WHERE set_id = 'region-a'"))
                    .isEqualTo(1);
            assertThat(store.get(Optional.empty()).targets().get(0).value()).isEqualTo(1.2);
            assertThat(Stores.rows(dir.connection(), "SELECT file FROM target_sets WHERE set_id = 'region-a'"))
                    .containsExactly("a-v2.tsv");
        }
    }

    @Test
    void load_survivesReopeningTheDirectory() {
        try (DataDirectory dir = open()) {
            new TargetStore(dir, CATALOGUE).load(REGION_A, "a.tsv");
        }
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            assertThat(store.defaultId()).isEqualTo("region-a");
            assertThat(store.get(Optional.empty()).targets()).hasSize(2);
        }
    }

    @Test
    void get_unknownId_failsListingTheIdsThereAre() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            store.load(REGION_A, "a.tsv");
            store.load(REGION_B, "b.tsv");

            assertThatThrownBy(() -> store.get(Optional.of("region-z")))
                    .isInstanceOf(HqdException.class)
                    .hasMessageContaining("region-z")
                    .hasMessageContaining("design-default、national-tertiary-plans").hasMessageContaining("region-a、region-b");
        }
    }

    @Test
    void load_theBundledId_isRefusedAndNothingIsStored() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            String bundledId = REGION_A.replace("# id: region-a", "# id: design-default");

            assertThatThrownBy(() -> store.load(bundledId, "mine.tsv"))
                    .isInstanceOf(HqdException.class)
                    .hasMessageContaining("design-default")
                    .hasMessageContaining("内置");

            assertThat(store.ids()).containsExactly(withBundled());
            assertThat(store.defaultId()).isEqualTo("design-default");
            assertThat(dir.setting(TargetStore.DEFAULT_SETTING)).isEmpty();
            assertThat(store.get(Optional.empty()).targets()).isEqualTo(TargetSet.standard(CATALOGUE).targets());
        }
    }

    @Test
    void load_badFiles_areRefusedNamingTheProblem_andNeitherTheSetsNorTheDefaultChange() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            store.load(REGION_A, "a.tsv");
            String badIndicator = REGION_B + "no_such_indicator\t*\tGE\t1\t\tx\n";
            List<String[]> bad = List.of(
                    new String[] {badIndicator, "no_such_indicator"},
                    new String[] {REGION_B.replace("\t≥\t", "\tABOUT\t"), "ABOUT"},
                    new String[] {REGION_B.replace("\t4\t", "\t四\t"), "四"},
                    new String[] {REGION_B.replace("# id: region-b\n", ""), "# id:"},
                    new String[] {REGION_B.replace("# id: region-b", "# id: 乙 市"), "乙 市"},
                    new String[] {REGION_B.replace("emr_level\t*", "emr_level\tTOWNSHIP"), "TOWNSHIP"},
                    new String[] {REGION_B.replace("indicator\ttier\tcomparison", "indicator\tcomparison"), "tier"},
                    new String[] {"# id: region-c\n", "表头"});

            for (String[] b : bad) {
                assertThatThrownBy(() -> store.load(b[0], "region-c.tsv")).as(b[1])
                        .isInstanceOf(HqdException.class)
                        .hasMessageContaining("region-c.tsv")
                        .hasMessageContaining(b[1]);
            }

            assertThat(store.ids()).containsExactly(withBundled("region-a"));
            assertThat(store.defaultId()).isEqualTo("region-a");
            assertThat(Stores.number(dir.connection(), "SELECT count(*) FROM target_sets")).isEqualTo(1);
        }
    }

    @Test
    void load_badVersionOfAnExistingSet_keepsTheStoredVersion() {
        try (DataDirectory dir = open()) {
            TargetStore store = new TargetStore(dir, CATALOGUE);
            store.load(REGION_A, "a.tsv");
            store.load(REGION_B, "b.tsv");

            assertThatThrownBy(() -> store.load(REGION_A.replace("\t1.0\t", "\tabc\t"), "a-bad.tsv"))
                    .isInstanceOf(HqdException.class).hasMessageContaining("a-bad.tsv");

            assertThat(store.defaultId()).isEqualTo("region-b");
            assertThat(store.get(Optional.of("region-a")).targets().get(0).value()).isEqualTo(1.0);
        }
    }
}
