package dev.engram.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every adapter module checks in its tests (ARCHITECTURE.md): its only public types are its plugin, its
 * Guice module and its typed config; it imports no other adapter and no front end. Each rule fails on an empty
 * selection, so a misnamed package cannot pass by checking nothing.
 */
public final class AdapterArchitecture {
    private AdapterArchitecture() {
    }

    /** The main classes of an adapter package (tests excluded). */
    public static JavaClasses mainClasses(String adapterPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(adapterPackage);
    }

    public static ArchRule onlyPluginModuleAndConfigArePublic(String adapterPackage) {
        return classes().that().resideInAPackage(adapterPackage + "..").and().arePublic()
                .should().haveSimpleNameEndingWith("Plugin").orShould().haveSimpleNameEndingWith("Module")
                .orShould().haveSimpleNameEndingWith("Config")
                .because("an adapter shows one public face: its plugin, its module and its config")
                .allowEmptyShould(false);
    }

    public static ArchRule importsNoOtherAdapterOrFrontEnd(String adapterPackage) {
        return noClasses().that().resideInAPackage(adapterPackage + "..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe("another adapter or a front end",
                        c -> (c.getPackageName().startsWith("dev.engram.adapters.") && !c.getPackageName().startsWith(adapterPackage))
                                || c.getPackageName().startsWith("dev.engram.app.") || c.getPackageName().startsWith("dev.engram.runtime")))
                .because("arrows point inward: an adapter knows the application, never a sibling")
                .allowEmptyShould(false);
    }
}
