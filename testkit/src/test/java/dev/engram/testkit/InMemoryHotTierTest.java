package dev.engram.testkit;

import dev.engram.application.port.out.HotTier;

class InMemoryHotTierTest extends HotTierContract {
    @Override
    protected HotTier createTier(int maxPerAgent) {
        return new InMemoryHotTier(maxPerAgent);
    }
}
