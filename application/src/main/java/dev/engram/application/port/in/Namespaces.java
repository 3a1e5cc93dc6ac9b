package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;
import dev.engram.domain.trajectory.Identifiers;

/** Namespaces (tenants) follow the id rules: 1–128 of {@code [A-Za-z0-9._:-]}, starting with a letter or digit. */
public final class Namespaces {
    public static final String DEFAULT = "default";

    private Namespaces() {
    }

    public static String check(String namespace) {
        if (namespace == null) {
            throw DomainException.invalidArgument("namespace", "is required");
        }
        Identifiers.idProblem(namespace).ifPresent(problem -> {
            throw DomainException.invalidArgument("namespace", problem);
        });
        return namespace;
    }

    /** Checks an agent id given as an argument (not inside a trajectory). */
    public static String checkAgent(String agentId) {
        if (agentId == null) {
            throw DomainException.invalidArgument("agent", "is required");
        }
        Identifiers.labelProblem(agentId).ifPresent(problem -> {
            throw DomainException.invalidArgument("agent", problem);
        });
        return agentId;
    }
}
