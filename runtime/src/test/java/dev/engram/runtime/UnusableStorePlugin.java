package dev.engram.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import java.util.Set;

/** A storage plugin whose store cannot be opened (a corrupt file, say): each port it provides fails on its own. */
public final class UnusableStorePlugin implements AdapterPlugin {
    @Override
    public String name() {
        return "unusable";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.STORAGE);
    }

    @Override
    public Module module(Role role, PluginContext context) {
        return new AbstractModule() {
            @Provides
            @Singleton
            TrajectoryStore trajectories() {
                throw unusable();
            }

            @Provides
            @Singleton
            MemoryStore memories() {
                throw unusable();
            }
        };
    }

    private static DomainException unusable() {
        return new DomainException(ErrorCode.BACKEND_UNAVAILABLE, "the store is corrupt");
    }
}
