package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.ExitCodes;
import dev.engram.app.cli.Failures;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.BatchInput;
import dev.engram.app.cli.input.InputFile;

import dev.engram.application.port.in.PriorityReport;
import dev.engram.application.port.in.UpdatePrioritiesCommand;
import dev.engram.domain.error.ErrorCode;
import dev.engram.json.input.PriorityLines;
import dev.engram.json.views.ErrorView;
import dev.engram.json.views.PriorityReportView;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "priorities",
        description = {
            "Update replay priorities: JSON Lines of {\"trajectory_id\": ..., \"loss\": ...}, as a learner reports its losses after "
                    + "training on a batch. A trajectory's loss is its priority for prioritized sampling.",
            "Every line is checked first; one bad line updates nothing (each problem is listed by line and field). Ids that are "
                    + "not stored (deleted, pruned) are listed and skipped. Needs existing data."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram priorities losses.jsonl",
            "  echo '{\"trajectory_id\": \"fix_auth_bugs_001\", \"loss\": 0.42}' | engram priorities -"})
public final class PrioritiesCmd extends EngramSubcommand {
    private static final long MAX_LINE_CHARS = 64 * 1024;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The input; - or nothing for standard input.")
    String file;

    @Override
    public Integer call() {
        InputStream input = InputFile.open(file, terminal().in(), terminal().interactive());
        BatchInput batch = BatchInput.readAll(input, MAX_LINE_CHARS);
        PriorityLines lines = PriorityLines.check(batch.items());
        if (batch.isEmpty()) {
            lines.problems().add(new ErrorView.Detail(null, 0, "", "the input holds no priorities (it is empty)"));
        }
        if (!lines.problems().isEmpty()) {
            return refuse(lines, batch);
        }
        PriorityReport report;
        try (Session session = open(Access.EXISTING)) {
            report = session.services().priorities().update(new UpdatePrioritiesCommand(namespace(), lines.losses())).block();
        }
        if (json()) {
            printJson(PriorityReportView.toJson(report));
            return 0;
        }
        out().println("updated " + report.updated() + " priorities");
        if (!report.unknown().isEmpty()) {
            out().println("skipped " + report.unknown().size() + " ids that are not stored: " + String.join(", ", report.unknown()));
        }
        return 0;
    }

    private int refuse(PriorityLines lines, BatchInput batch) {
        String message = lines.problems().size() + (lines.problems().size() == 1 ? " problem" : " problems")
                + " in the priorities; nothing was updated";
        if (json()) {
            new Failures(err(), true, false).printJson(ErrorView.of(ErrorCode.INVALID_INPUT, message, lines.problems()));
            return ExitCodes.INVALID_INPUT;
        }
        for (ErrorView.Detail d : lines.problems()) {
            String where = d.index() == null ? "input" : batch.where(d.index());
            err().println(where + ": " + (d.field().isEmpty() ? "" : d.field() + ": ") + d.message());
        }
        err().println("engram: " + message);
        return ExitCodes.INVALID_INPUT;
    }
}
