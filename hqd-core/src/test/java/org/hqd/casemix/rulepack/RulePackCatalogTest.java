package org.hqd.casemix.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding packs by id (bundled or in a catalog folder) or by folder, with their dictionaries. */
final class RulePackCatalogTest {
    private static final String RULES = """
            {"format": "casemix-rulepack/1", "mdcOrder": ["MDCX"],
             "mdcs": {"MDCX": {"when": [{"principalDxIn": "MDCX.dx"}], "adrgs": ["XA1"]}},
             "adrgs": {"XA1": {"when": [], "drgs": ["XA19"]}},
             "drgs": {"XA19": {"adrg": "XA1", "when": []}},
             "codeLists": {"MDCX.dx": ["X01.000"]}}
            """;

    @TempDir
    Path root;

    private static Path tinyFolder() throws URISyntaxException {
        return Path.of(RulePackCatalogTest.class.getResource("/packs/tiny/pack.json").toURI()).getParent();
    }

    private static void writePack(Path folder, String id, String dictionary) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("pack.json"),
                "{\"id\": \"" + id + "\", \"dictionary\": \"" + dictionary + "\", \"format\": \"casemix-rulepack/1\"}");
        Files.writeString(folder.resolve("rules.json"), RULES);
        for (String f : new String[] {"cc.tsv", "mcc.tsv", "cc_exclusion.tsv", "or_procedures.tsv"}) {
            Files.writeString(folder.resolve(f), "a\tb\n");
        }
    }

    private static void writeDictionary(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("diagnoses.tsv"), "code\tname\nX01.000\t" + name + "\n");
        Files.writeString(folder.resolve("procedures.tsv"), "code\tname\n");
        Files.writeString(folder.resolve("diagnosis_map.tsv"), "a\tb\n");
        Files.writeString(folder.resolve("procedure_map.tsv"), "a\tb\n");
    }

    /** A catalog folder: rulepacks/index.txt lists "mini", whose dictionary "mini-dict" is in dictionaries/. */
    private RulePackCatalog miniCatalog() throws IOException {
        Files.createDirectories(root.resolve("rulepacks"));
        Files.writeString(root.resolve("rulepacks/index.txt"), "mini\r\n\n  \n");
        writePack(root.resolve("rulepacks/mini"), "mini", "mini-dict");
        writeDictionary(root.resolve("dictionaries/mini-dict"), "目录字典中的病");
        return new RulePackCatalog(new DirectoryResourceTree(root));
    }

    @Test
    void ids_bundled_listsTheDefaultPack() {
        assertThat(RulePackCatalog.bundled().ids()).contains(RulePackCatalog.DEFAULT_PACK, "chs-drg-1.0");
    }

    @Test
    void manifest_bundledChsDrg11_readsPackJson() {
        PackManifest m = RulePackCatalog.bundled().manifest("chs-drg-1.1");

        assertThat(m.id()).isEqualTo("chs-drg-1.1");
        assertThat(m.dictionary()).isEqualTo("chs-2.0");
        assertThat(m.format()).isEqualTo(PackManifest.FORMAT);
        assertThat(m.declaredDrgs()).isEqualTo(628);
        assertThat(m.declaredAdrgs()).isEqualTo(376);
    }

    @Test
    void load_bundledChsDrg11_hasTheDeclaredNumberOfRulesAndItsDictionary() {
        RulePack pack = RulePackCatalog.bundled().load("chs-drg-1.1");

        assertThat(pack.drgs()).hasSize(pack.manifest().declaredDrgs());
        assertThat(pack.mdcOrder()).hasSize(26).startsWith("MDCA", "MDCP");
        assertThat(pack.dictionary().id()).isEqualTo("chs-2.0");
        assertThat(pack.nameOf("K35.800x001")).contains("急性阑尾炎");
    }

    @Test
    void load_unknownId_throwsNamingIt() {
        assertThatThrownBy(() -> RulePackCatalog.bundled().load("no-such-pack"))
                .isInstanceOf(RulePackException.class).hasMessageContaining("no-such-pack");
    }

    @Test
    void manifest_unknownId_throwsNamingIt() {
        assertThatThrownBy(() -> RulePackCatalog.bundled().manifest("no-such-pack"))
                .isInstanceOf(RulePackException.class).hasMessageContaining("no-such-pack");
    }

    @Test
    void load_tinyFolder_usesItsOwnDictionary() throws URISyntaxException {
        RulePack pack = RulePackCatalog.bundled().load(tinyFolder().toString());

        assertThat(pack.id()).isEqualTo("tiny");
        assertThat(pack.adrgs()).hasSize(pack.manifest().declaredAdrgs());
        assertThat(pack.drgs()).hasSize(pack.manifest().declaredDrgs());
        assertThat(pack.dictionary().id()).isEqualTo("tiny-dict");
        assertThat(pack.dictionary().diagnoses()).containsEntry("Z99.000", "不在任何列表的诊断");
        assertThat(pack.dictionary().procedureMap()).containsEntry("10.0100x001", "10.0100");
        assertThat(pack.orProcedures()).containsOnlyKeys("10.0100", "11.0100");
        assertThat(pack.nameOf("11.0100")).contains("测试手术乙");
    }

    @Test
    void load_sameFolderTwice_givesTheSamePack() throws URISyntaxException {
        RulePackCatalog catalog = RulePackCatalog.bundled();

        assertThat(catalog.load(tinyFolder().toString())).isSameAs(catalog.load(tinyFolder().toString()));
    }

    @Test
    void ids_catalogFolder_readsTheIndexSkippingBlankLines() throws IOException {
        assertThat(miniCatalog().ids()).containsExactly("mini");
    }

    @Test
    void ids_catalogWithoutIndex_isEmpty() {
        assertThat(new RulePackCatalog(new DirectoryResourceTree(root)).ids()).isEmpty();
    }

    @Test
    void load_idOfCatalogFolder_usesTheCatalogDictionary() throws IOException {
        RulePack pack = miniCatalog().load("mini");

        assertThat(pack.id()).isEqualTo("mini");
        assertThat(pack.dictionary().id()).isEqualTo("mini-dict");
        assertThat(pack.nameOf("X01.000")).contains("目录字典中的病");
    }

    @Test
    void load_folderWithoutOwnDictionary_fallsBackToTheCatalogDictionary() throws IOException {
        RulePackCatalog catalog = miniCatalog();
        Path own = root.resolve("elsewhere/regional");
        writePack(own, "regional", "mini-dict");

        RulePack pack = catalog.load(own.toString());

        assertThat(pack.id()).isEqualTo("regional");
        assertThat(pack.nameOf("X01.000")).contains("目录字典中的病");
    }

    @Test
    void load_folderWithOwnDictionary_prefersIt() throws IOException {
        RulePackCatalog catalog = miniCatalog();
        Path own = root.resolve("elsewhere/regional");
        writePack(own, "regional", "mini-dict");
        writeDictionary(own.resolve("dictionary"), "自带字典中的病");

        assertThat(catalog.load(own.toString()).nameOf("X01.000")).contains("自带字典中的病");
    }

    @Test
    void load_dictionaryFoundNowhere_throwsNamingIt() throws IOException {
        RulePackCatalog catalog = miniCatalog();
        Path own = root.resolve("elsewhere/regional");
        writePack(own, "regional", "lost-dict");

        assertThatThrownBy(() -> catalog.load(own.toString())).isInstanceOf(RulePackException.class)
                .hasMessageContaining("lost-dict").hasMessageContaining("diagnoses.tsv");
    }

    @Test
    void dictionary_sameSetTwice_isLoadedOnce() throws IOException {
        RulePackCatalog catalog = miniCatalog();

        assertThat(catalog.dictionary("mini-dict")).isSameAs(catalog.dictionary("mini-dict"));
    }
}
