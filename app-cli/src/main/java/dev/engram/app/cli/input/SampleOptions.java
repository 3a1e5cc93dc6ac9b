package dev.engram.app.cli.input;

import dev.engram.domain.replay.ReplayFilter;
import dev.engram.domain.replay.ReplayPreset;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.json.input.SampleRequests;
import java.time.Duration;

/**
 * The request a sample's flags describe: the preset's strategy and exponents first (uniform when there is none),
 * then every flag given explicitly on top, so that {@code --preset stable --beta 1} is the stable preset with β = 1.
 * The request checks itself and names every bad component at once.
 */
public record SampleOptions(int n, ReplayPreset preset, ReplayStrategy strategy, Double alpha, Double beta, Duration halfLife,
                            Double mix, ReplayStrategy within, boolean replacement, Filters filters) {

    public SampleRequest request() {
        return SampleRequests.of(n, preset, strategy, alpha, beta, halfLife, mix, within, replacement, filter());
    }

    private ReplayFilter filter() {
        if (filters == null) {
            return ReplayFilter.any();
        }
        return new ReplayFilter(filters.outcome, filters.agent, filters.task, filters.domain);
    }
}
