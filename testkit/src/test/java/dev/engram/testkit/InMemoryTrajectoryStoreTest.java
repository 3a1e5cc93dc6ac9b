package dev.engram.testkit;

import dev.engram.application.port.out.TrajectoryStore;

class InMemoryTrajectoryStoreTest extends TrajectoryStoreContract {
    @Override
    protected TrajectoryStore createStore() {
        return new InMemoryTrajectoryStore();
    }
}
