package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.application.port.in.ContextQuery;
import dev.engram.domain.memory.MemoryContext;
import dev.engram.json.views.ContextView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "context",
        description = {
            "Print the agent's memory context, for the top of its next system prompt: the task's rules, general rules, "
                    + "mistakes to avoid, the strongest mistake cards, recent episodes of the task and its mean score — within "
                    + "a token budget (counted with a real tokenizer, o200k_base by default; the least useful lines go first).",
            "Prints nothing for an agent with no memory yet (a note says so on standard error)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram context --agent builder_agent --task deploy",
            "  engram context --agent builder_agent --max-tokens 200 --json | jq .tokens",
            "  PROMPT=\"$(engram context --agent builder_agent --task deploy)\""})
public final class ContextCmd extends EngramSubcommand {
    @Option(names = "--agent", required = true, paramLabel = "A", description = "The agent.")
    String agent;

    @Option(names = "--task", paramLabel = "T", description = "The task it is about to attempt (its rules, episodes and score).")
    String task;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Token budget (default: memory.context_token_budget of the configuration, 500).")
    Integer maxTokens;

    @Override
    public Integer call() {
        MemoryContext context;
        try (Session session = open(Access.EXISTING)) {
            int budget = maxTokens != null ? maxTokens : session.settings().memory().contextTokenBudget();
            context = session.services().context().context(new ContextQuery(namespace(), agent, task, budget)).block();
        }
        if (json()) {
            printJson(ContextView.toJson(agent, task, context));
            return 0;
        }
        if (context.text().isEmpty()) {
            err().println("engram: agent " + agent + " has no memory yet in namespace " + namespace() + " (the context is empty)");
            return 0;
        }
        out().println(context.text());
        return 0;
    }
}
