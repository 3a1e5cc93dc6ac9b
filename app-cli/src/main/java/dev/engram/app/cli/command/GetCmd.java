package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.text.TrajectoryText;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.domain.trajectory.Trajectory;
import dev.engram.domain.trajectory.TrajectoryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "get",
        description = "Show one trajectory: every step with its arguments, result and reasoning, and the reflection. "
                + "--json prints it in the wire format, as recorded (redacted).",
        footerHeading = "%nExamples:%n",
        footer = {"  engram get fix_auth_bugs_001", "  engram get fix_auth_bugs_001 --json | jq .steps"})
public final class GetCmd extends EngramSubcommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The trajectory id.")
    String id;

    @Override
    public Integer call() {
        Trajectory t;
        try (Session session = open(Access.EXISTING)) {
            t = session.services().get().get(namespace(), id).block();
        }
        if (t == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no trajectory " + id + " in namespace " + namespace());
        }
        if (json()) {
            printJson(TrajectoryWriter.toJson(t));
        } else {
            TrajectoryText.details(t, out());
        }
        return 0;
    }
}
