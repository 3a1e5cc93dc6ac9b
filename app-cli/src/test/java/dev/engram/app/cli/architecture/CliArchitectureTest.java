package dev.engram.app.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The command is a composition root that knows no backend: stores come as plugins through the runtime, found by
 * ServiceLoader, so that a deployment picks them by configuration alone.
 */
class CliArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.engram.app.cli");

    static ArchRule knowsNoBackend(String pkg) {
        return noClasses().that().resideInAPackage(pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.engram.adapters..", "org.sqlite..", "java.sql..",
                        "io.lettuce..", "com.mongodb..", "okhttp3..", "dev.engram.app.http..")
                .because("backends are plugins, found by the runtime")
                .allowEmptyShould(false);
    }

    @Test
    void theCommandImportsNoAdapterAndNoDriver() {
        knowsNoBackend("dev.engram.app.cli").check(CLASSES);
    }

    @Test
    void theRuleFailsOnAMisnamedPackage() {
        assertThatThrownBy(() -> knowsNoBackend("dev.engram.app.clii").check(CLASSES)).isInstanceOf(AssertionError.class);
    }
}
