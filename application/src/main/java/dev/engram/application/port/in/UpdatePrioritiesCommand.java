package dev.engram.application.port.in;

import dev.engram.domain.error.DomainException;
import java.util.LinkedHashMap;
import java.util.Map;

/** New losses (priorities) by trajectory id, as a learner reports them after a replay. */
public record UpdatePrioritiesCommand(String namespace, Map<String, Double> losses) {
    public UpdatePrioritiesCommand {
        Namespaces.check(namespace);
        Map<String, Double> copy = new LinkedHashMap<>();
        losses.forEach((id, loss) -> {
            if (loss == null || !Double.isFinite(loss) || loss < 0) {
                throw DomainException.invalidArgument("loss", "the loss of " + id + " must be a finite number of at least 0, got " + loss);
            }
            copy.put(id, loss);
        });
        losses = java.util.Collections.unmodifiableMap(copy);
    }
}
