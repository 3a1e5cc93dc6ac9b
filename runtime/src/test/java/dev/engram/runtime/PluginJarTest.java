package dev.engram.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.application.port.in.InputItem;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.TrajectoryWriter;
import dev.engram.testkit.Trajectories;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's backend, written against engram-application alone, compiled and packed into a jar at test time,
 * dropped into {@code plugins/}: engram uses it with no other change than naming it in the configuration.
 */
class PluginJarTest {
    private static final String SOURCE = """
            package com.example.engram;

            import com.google.inject.AbstractModule;
            import com.google.inject.Module;
            import dev.engram.application.port.out.MemoryStore;
            import dev.engram.application.port.out.TrajectoryStore;
            import dev.engram.application.wiring.AdapterPlugin;
            import dev.engram.application.wiring.PluginContext;
            import dev.engram.application.wiring.Role;
            import dev.engram.testkit.InMemoryMemoryStore;
            import dev.engram.testkit.InMemoryTrajectoryStore;
            import java.util.Set;

            public final class NotebookPlugin implements AdapterPlugin {
                public static final InMemoryTrajectoryStore STORE = new InMemoryTrajectoryStore();

                @Override public String name() { return "notebook"; }
                @Override public Set<Role> roles() { return Set.of(Role.STORAGE); }
                @Override public Module module(Role role, PluginContext context) {
                    context.section().refuseUnknown(Set.of("shelf"));
                    String shelf = context.section().string("shelf", "top");
                    return new AbstractModule() {
                        @Override protected void configure() {
                            bind(TrajectoryStore.class).toInstance(STORE);
                            bind(MemoryStore.class).toInstance(new InMemoryMemoryStore());
                        }
                    };
                }
            }
            """;

    @TempDir
    Path dir;

    private Path buildPluginJar() throws IOException {
        Path src = dir.resolve("src/com/example/engram/NotebookPlugin.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(status).as("the plugin compiles against engram-application").isZero();
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
        Path jar = plugins.resolve("notebook-plugin.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
                for (Path cls : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(cls).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(cls));
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.engram.application.wiring.AdapterPlugin"));
            out.write("com.example.engram.NotebookPlugin\n".getBytes(StandardCharsets.UTF_8));
        }
        return plugins;
    }

    private EngramRuntime.Options options(Path plugins, String storage, Map<String, String> extra) {
        Map<String, String> flags = new java.util.HashMap<>(Map.of("plugins_dir", plugins.toString(), "storage", storage,
                "data_dir", dir.resolve("data").toString()));
        flags.putAll(extra);
        return new EngramRuntime.Options(null, Map.of(), flags, true);
    }

    @Test
    void aDroppedInJarServesAsStorage() throws Exception {
        Path plugins = buildPluginJar();
        try (EngramRuntime runtime = EngramRuntime.start(options(plugins, "notebook", Map.of("notebook.shelf", "left")))) {
            RecordReport report = runtime.services().record().record(new RecordCommand("default",
                    List.of(InputItem.of(0, TrajectoryWriter.toJson(Trajectories.plain("via-plugin").build()))), false, null))
                    .block(Duration.ofSeconds(30));
            assertThat(report.items()).extracting(RecordReport.ItemResult::status).containsExactly(RecordReport.Status.STORED);
            assertThat(runtime.services().get().get("default", "via-plugin").block(Duration.ofSeconds(30))).isNotNull();
        }
    }

    @Test
    void anUnknownPluginStopsStartUpListingThePluginsFound() throws Exception {
        Path plugins = buildPluginJar();
        assertThatThrownBy(() -> EngramRuntime.start(options(plugins, "postgres", Map.of())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("storage");
                    assertThat(e.getMessage()).contains("no plugin named 'postgres'").contains("notebook (storage)");
                });
    }

    @Test
    void aPluginsMisspelledSettingStopsStartUpNamingTheKey() throws Exception {
        Path plugins = buildPluginJar();
        assertThatThrownBy(() -> EngramRuntime.start(options(plugins, "notebook", Map.of("notebook.shelff", "x"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("notebook.shelff"));
    }
}
