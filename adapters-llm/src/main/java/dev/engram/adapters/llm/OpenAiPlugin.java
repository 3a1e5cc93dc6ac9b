package dev.engram.adapters.llm;

import com.google.inject.Module;
import dev.engram.application.wiring.AdapterPlugin;
import dev.engram.application.wiring.PluginContext;
import dev.engram.application.wiring.Role;
import dev.engram.domain.error.DomainException;
import java.util.Set;

/** Consolidation through any OpenAI-compatible chat completions endpoint (OpenAI, vLLM, llama.cpp, Ollama, LM Studio, Groq). */
public final class OpenAiPlugin implements AdapterPlugin {
    public static final String NAME = OpenAiConsolidator.NAME;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.CONSOLIDATOR);
    }

    /** Reads and checks the {@code openai.*} section now; the endpoint is first contacted by a consolidation. */
    @Override
    public Module module(Role role, PluginContext context) {
        if (role != Role.CONSOLIDATOR) {
            throw DomainException.invalidArgument(role.key(), "plugin 'openai' serves only as consolidator");
        }
        return new OpenAiModule(OpenAiConfig.from(context.section()));
    }

    @Override
    public String description() {
        return "openai: rules distilled from successes and failures by a model behind any OpenAI-compatible endpoint; the heuristic when it fails";
    }
}
