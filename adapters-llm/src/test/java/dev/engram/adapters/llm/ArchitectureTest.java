package dev.engram.adapters.llm;

import dev.engram.testkit.AdapterArchitectureContract;

/** The module's one public face and its inward-only arrows (testkit's shared adapter rules). */
class ArchitectureTest extends AdapterArchitectureContract {
    @Override
    protected String adapterPackage() {
        return "dev.engram.adapters.llm";
    }
}
