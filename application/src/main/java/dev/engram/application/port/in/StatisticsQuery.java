package dev.engram.application.port.in;

import dev.engram.domain.stats.TimeBucket;

/** Statistics of a namespace, optionally for one agent and/or task, optionally as a time series. */
public record StatisticsQuery(String namespace, String agentId, String taskId, TimeBucket bucket) {
    public StatisticsQuery {
        Namespaces.check(namespace);
    }
}
