package dev.engram.app.cli.e2e;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.engram.application.port.out.MemoryStore;
import dev.engram.application.port.out.TrajectoryStore;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * A storage plugin whose every call fails with an unexpected exception, as a buggy third-party plugin would: the
 * command must report a bug (exit 1) with a short message and a log, not a stack trace. Named only by the tests.
 */
public final class ExplodingPlugin implements AdapterPlugin {
    @Override
    public String name() {
        return "exploding";
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.STORAGE);
    }

    @Override
    public Module module(Role role, PluginContext context) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(TrajectoryStore.class).toInstance(failing(TrajectoryStore.class));
                bind(MemoryStore.class).toInstance(failing(MemoryStore.class));
            }
        };
    }

    private static <T> T failing(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "exploding " + port.getSimpleName()
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            throw new IllegalStateException("the exploding plugin's " + method.getName() + " failed");
        }));
    }
}
