package dev.engram.application.port.in;

import dev.engram.domain.replay.SampleRequest;
import java.util.Objects;

/** Draw a replay batch; with a seed the batch is reproducible (same seed, same store contents, same batch). */
public record SampleCommand(String namespace, SampleRequest request, Long seed) {
    public SampleCommand {
        Namespaces.check(namespace);
        Objects.requireNonNull(request, "request");
    }
}
