package dev.engram.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The application layer's boundaries (ARCHITECTURE.md). Every rule refuses to pass on an empty selection, so a
 * misnamed or emptied package fails the build instead of silently checking nothing.
 */
class ApplicationArchitectureTest {
    static final String APP = "dev.engram.application";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(APP);

    static final String[] FORBIDDEN = {
        "tools.jackson..", "com.fasterxml..", "io.lettuce..", "com.mongodb..", "org.bson..", "okhttp3..", "java.sql..",
        "javax.sql..", "org.sqlite..", "io.netty..", "reactor.netty..", "io.micrometer..", "picocli..",
        "dev.engram.adapters..", "dev.engram.json..", "dev.engram.app..", "dev.engram.runtime.."};

    static ArchRule noDriversJsonHttpOrAdapters(String pkg) {
        return noClasses().that().resideInAPackage(pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
                .because("the application imports no driver, JSON or HTTP library and no adapter")
                .allowEmptyShould(false);
    }

    static ArchRule portsAreIndependent(String from, String to) {
        return noClasses().that().resideInAPackage(APP + ".port." + from + "..")
                .should().dependOnClassesThat().resideInAPackage(APP + ".port." + to + "..")
                .because("inbound and outbound ports do not know each other")
                .allowEmptyShould(false);
    }

    static ArchRule onlyWiringTouchesGuice(String appPackage) {
        return classes().that().resideInAPackage(appPackage + "..").and().resideOutsideOfPackage(appPackage + ".wiring..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("com.google.inject..", "jakarta.inject..", "javax.inject..")
                .because("only the wiring package knows the injector; use cases are plain classes")
                .allowEmptyShould(false);
    }

    @Test
    void importsNoDriverJsonHttpLibraryOrAdapter() {
        noDriversJsonHttpOrAdapters(APP).check(CLASSES);
    }

    @Test
    void inboundAndOutboundPortsDoNotDependOnEachOther() {
        portsAreIndependent("in", "out").check(CLASSES);
        portsAreIndependent("out", "in").check(CLASSES);
    }

    @Test
    void onlyTheWiringPackageImportsGuice() {
        onlyWiringTouchesGuice(APP).check(CLASSES);
        classes().that().resideInAPackage(APP + ".wiring..").should().resideInAPackage(APP + ".wiring..")
                .allowEmptyShould(false).check(CLASSES);
    }

    @Test
    void theRulesFailOnMisnamedPackages() {
        assertThatThrownBy(() -> noDriversJsonHttpOrAdapters("dev.engram.aplication").check(CLASSES)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> portsAreIndependent("inn", "out").check(CLASSES)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> onlyWiringTouchesGuice("dev.engram.aplication").check(CLASSES)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theGuiceRuleCatchesAViolation() {
        // the wiring package itself imports Guice: checked as if it were not wiring, the rule must fail
        assertThatThrownBy(() -> classes().that().resideInAPackage(APP + ".wiring..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("com.google.inject..")
                .allowEmptyShould(false).check(CLASSES)).isInstanceOf(AssertionError.class);
    }
}
