package dev.engram.testkit;

import dev.engram.application.port.out.MemoryStore;

class InMemoryMemoryStoreTest extends MemoryStoreContract {
    @Override
    protected MemoryStore createStore() {
        return new InMemoryMemoryStore();
    }
}
