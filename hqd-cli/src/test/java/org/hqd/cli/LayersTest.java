package org.hqd.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The adapters (the command line with the demo, the web server) reach the data directory only through the
 * application layer: no class of theirs depends on a class of the store ({@code org.hqd.store}), checked on the
 * compiled classes, so a fully qualified name or a lambda over a store type counts as much as an import.
 */
final class LayersTest {
    private static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hqd.cli", "org.hqd.web");

    private static final ArchRule NO_STORE = noClasses().that().resideInAnyPackage("org.hqd.cli..", "org.hqd.web..")
            .should().dependOnClassesThat().resideInAPackage("org.hqd.store..");

    @Test
    void adapters_dependOnNoClassOfTheStore() {
        // both adapters were found (an empty import would pass any rule)
        assertThat(ADAPTERS.contain("org.hqd.cli.DemoCommand")).isTrue();
        assertThat(ADAPTERS.contain("org.hqd.web.WebServer")).isTrue();
        NO_STORE.check(ADAPTERS);
    }

    @Test
    void theRule_findsAClassThatUsesTheStore() {
        // the rule itself can fail: a class of the application layer that opens the store breaks it
        JavaClasses app = new ClassFileImporter().importClasses(org.hqd.app.Workspace.class);
        EvaluationResult r = noClasses().that().resideInAPackage("org.hqd.app..").should().dependOnClassesThat()
                .resideInAPackage("org.hqd.store..").evaluate(app);
        assertThat(r.hasViolation()).isTrue();
    }
}
