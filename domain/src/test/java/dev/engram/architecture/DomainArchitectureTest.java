package dev.engram.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain depends on the JDK only. The rule is written so that it cannot pass by checking nothing: an empty or
 * misnamed package fails it (old Surefire once ran zero ArchUnit rules and a broken rule passed the build).
 */
class DomainArchitectureTest {
    static final String DOMAIN = "dev.engram.domain";
    static final List<String> DOMAIN_PACKAGES = List.of("error", "json", "trajectory", "replay", "memory", "stats");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(DOMAIN);

    static ArchRule dependsOnTheJdkOnly(String packageName) {
        return classes().that().resideInAPackage(packageName + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN + "..")
                .because("the domain is pure Java: adapters and front ends build on it, never the other way")
                .allowEmptyShould(false);
    }

    @Test
    void theDomainDependsOnTheJdkOnly() {
        dependsOnTheJdkOnly(DOMAIN).check(MAIN_CLASSES);
    }

    @Test
    void everyDomainPackageExistsAndHoldsClasses() {
        for (String name : DOMAIN_PACKAGES) {
            String packageName = DOMAIN + "." + name;
            assertThat(MAIN_CLASSES.stream().filter(c -> c.getPackageName().equals(packageName)).count())
                    .as("classes in %s", packageName).isPositive();
        }
    }

    @Test
    void theRuleFailsOnAMisnamedPackage() {
        assertThatThrownBy(() -> dependsOnTheJdkOnly("dev.engram.domian").check(MAIN_CLASSES))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theRuleFailsWhenAClassImportsSomethingOutsideTheJdk() {
        JavaClasses withTests = new ClassFileImporter().importPackages("dev.engram.domain.json");
        // TestJson (test code in dev.engram.domain.json) uses Jackson: the rule must catch it
        assertThatThrownBy(() -> dependsOnTheJdkOnly(DOMAIN).check(withTests))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("tools.jackson");
    }
}
