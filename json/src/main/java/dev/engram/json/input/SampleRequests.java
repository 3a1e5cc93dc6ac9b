package dev.engram.json.input;

import dev.engram.domain.replay.ReplayFilter;
import dev.engram.domain.replay.ReplayPreset;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import java.time.Duration;

/**
 * The request a sample's options describe, the same for the command's flags and the HTTP body: the preset's
 * strategy and exponents first (uniform when there is none), then every option given explicitly on top, so that
 * {@code preset stable, beta 1} is the stable preset with β = 1. The request checks itself and names every bad
 * component at once.
 */
public final class SampleRequests {
    private SampleRequests() {
    }

    /** Null options are not given. */
    public static SampleRequest of(int n, ReplayPreset preset, ReplayStrategy strategy, Double alpha, Double beta, Duration halfLife,
                                   Double mix, ReplayStrategy within, boolean replacement, ReplayFilter filter) {
        // the preset's components, read off a request of one draw so that a bad n is reported with the rest below
        SampleRequest base = preset != null ? preset.request(1) : SampleRequest.of(1, ReplayStrategy.UNIFORM);
        return new SampleRequest(n,
                strategy != null ? strategy : base.strategy(),
                alpha != null ? alpha : base.alpha(),
                beta != null ? beta : base.beta(),
                halfLife != null ? halfLife : base.halfLife(),
                mix != null ? mix : base.mix(),
                within != null ? within : base.within(),
                replacement,
                filter == null ? ReplayFilter.any() : filter);
    }
}
