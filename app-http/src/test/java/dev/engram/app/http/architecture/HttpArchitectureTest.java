package dev.engram.app.http.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The server is a composition root that knows no backend (stores come as plugins through the runtime) and not the
 * command; the JSON it answers with comes from the shared views, not a mapping of its own.
 */
class HttpArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.engram.app.http");

    static ArchRule knowsNoBackend(String pkg) {
        return noClasses().that().resideInAPackage(pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.engram.adapters..", "org.sqlite..", "java.sql..",
                        "io.lettuce..", "com.mongodb..", "okhttp3..", "dev.engram.app.cli..", "tools.jackson..")
                .because("backends are plugins found by the runtime, and JSON is the json module's")
                .allowEmptyShould(false);
    }

    @Test
    void theServerImportsNoAdapterNoDriverAndNotTheCommand() {
        knowsNoBackend("dev.engram.app.http").check(CLASSES);
    }

    @Test
    void theRuleFailsOnAMisnamedPackage() {
        assertThatThrownBy(() -> knowsNoBackend("dev.engram.app.htp").check(CLASSES)).isInstanceOf(AssertionError.class);
    }
}
