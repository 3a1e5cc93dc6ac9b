package dev.engram.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * {@link AdapterArchitecture}'s rules as tests: an adapter module's {@code ArchitectureTest} extends this and names
 * its package.
 */
public abstract class AdapterArchitectureContract {

    /** The adapter's package, e.g. {@code dev.engram.adapters.redis}. */
    protected abstract String adapterPackage();

    private JavaClasses classes() {
        return AdapterArchitecture.mainClasses(adapterPackage());
    }

    @Test
    void onlyPluginModuleAndConfigArePublic() {
        AdapterArchitecture.onlyPluginModuleAndConfigArePublic(adapterPackage()).check(classes());
    }

    @Test
    void importsNoOtherAdapterOrFrontEnd() {
        AdapterArchitecture.importsNoOtherAdapterOrFrontEnd(adapterPackage()).check(classes());
    }
}
