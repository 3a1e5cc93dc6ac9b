package dev.engram.application.port.in;

/** Consolidate one agent's memory (or every agent's, when none is named); a dry run stores nothing. */
public record ConsolidateCommand(String namespace, String agentId, boolean dryRun) {
    public ConsolidateCommand {
        Namespaces.check(namespace);
        if (agentId != null) {
            Namespaces.checkAgent(agentId);
        }
    }
}
