package dev.engram.adapters.mongo;

import dev.engram.testkit.AdapterArchitectureContract;

class ArchitectureTest extends AdapterArchitectureContract {
    @Override
    protected String adapterPackage() {
        return "dev.engram.adapters.mongo";
    }
}
