package dev.engram.testkit;

import dev.engram.application.port.out.ExperienceLog;
import java.util.Map;

class InMemoryExperienceLogTest extends ExperienceLogContract {
    @Override
    protected ExperienceLog createLog() {
        return new InMemoryExperienceLog();
    }

    @Override
    protected void appendForeign(ExperienceLog log) {
        ((InMemoryExperienceLog) log).appendForeign(Map.of("written_by", "another program", "payload", "?"));
    }
}
