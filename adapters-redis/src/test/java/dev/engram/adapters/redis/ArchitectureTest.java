package dev.engram.adapters.redis;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.engram.testkit.AdapterArchitecture;
import org.junit.jupiter.api.Test;

/** The module's one public face and its inward-only arrows (testkit's shared adapter rules). */
class ArchitectureTest {
    private static final String PACKAGE = "dev.engram.adapters.redis";
    private static final JavaClasses CLASSES = AdapterArchitecture.mainClasses(PACKAGE);

    @Test
    void onlyPluginModuleAndConfigArePublic() {
        AdapterArchitecture.onlyPluginModuleAndConfigArePublic(PACKAGE).check(CLASSES);
    }

    @Test
    void importsNoOtherAdapterOrFrontEnd() {
        AdapterArchitecture.importsNoOtherAdapterOrFrontEnd(PACKAGE).check(CLASSES);
    }
}
