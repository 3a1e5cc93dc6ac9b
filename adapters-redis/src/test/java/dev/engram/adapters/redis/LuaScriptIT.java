package dev.engram.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.adapters.redis.harness.RedisServer;
import dev.engram.adapters.redis.harness.RedisServers;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LuaScriptIT {
    @Test
    void runsByShaAndSendsTheSourceWhenTheServerDoesNotKnowIt() {
        LuaScript script = LuaScript.of("incr-by", "return redis.call('INCRBY', KEYS[1], ARGV[1])");
        try (RedisServer redis = RedisServers.start();
             RedisBackend backend = new RedisBackend(RedisConfig.of(redis.uri()))) {
            var commands = backend.commands();
            assertThat(script.<Long>run(commands, ScriptOutputType.INTEGER, List.of("n"), List.of(LuaScript.arg(2))).blockLast()).isEqualTo(2L);
            assertThat(commands.scriptExists(script.sha()).blockFirst()).isTrue();
            commands.scriptFlush().block();
            assertThat(script.<Long>run(commands, ScriptOutputType.INTEGER, List.of("n"), List.of(LuaScript.arg(3))).blockLast()).isEqualTo(5L);
        }
    }

    @Test
    void aMissingResourceIsAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LuaScript.load("no-such.lua"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such.lua");
    }
}
