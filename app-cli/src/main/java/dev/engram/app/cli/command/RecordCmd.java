package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.ExitCodes;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.BatchInput;
import dev.engram.app.cli.input.InputFile;
import dev.engram.app.cli.text.ItemProblems;
import dev.engram.application.port.in.RecordCommand;
import dev.engram.application.port.in.RecordReport;
import dev.engram.application.port.in.RecordReport.ItemResult;
import dev.engram.application.port.in.RecordReport.Status;
import dev.engram.domain.error.DomainException;
import dev.engram.domain.error.ErrorCode;
import dev.engram.json.JsonCodec;
import dev.engram.json.views.RecordReportView;
import java.io.InputStream;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "record",
        description = {
            "Record trajectories from a file or standard input: one JSON object, a JSON array, or JSON Lines; the seed's "
                    + "episodes (score, steps as a count, trajectory_summary…) too.",
            "All or nothing: every item is validated first and one invalid item, or an id already stored with other content, "
                    + "stores nothing (every problem is listed, by line and field). Recording the same id with the same content "
                    + "again changes nothing. Creates the data dir when it is missing."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram record runs.jsonl",
            "  engram record --partial runs.jsonl           store the valid items, list the refused ones (exit 3 if any)",
            "  some-agent --emit-json | engram record -      from standard input",
            "  engram record --agent builder_agent episodes.json   seed-style episodes that name no agent"})
public final class RecordCmd extends EngramSubcommand {
    private static final int ITEMS_LISTED = 20;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The input; - or nothing for standard input.")
    String file;

    @Option(names = "--partial", description = "Store the valid items even when others are refused (exit 3 when any is).")
    boolean partial;

    @Option(names = "--agent", paramLabel = "A", description = "The agent of items that name none (seed-style episodes).")
    String agent;

    @Override
    public Integer call() {
        InputStream input = InputFile.open(file, terminal().in(), terminal().interactive());
        long maxItemChars = BatchInput.maxItemChars(Session.settings(options(), terminal()).limits());
        BatchInput batch = BatchInput.readAll(input, maxItemChars);
        if (batch.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_TRAJECTORY, (InputFile.isStandardInput(file) ? "standard input" : file)
                    + " holds no trajectories (it is empty)");
        }
        RecordReport report;
        try (Session session = open(Access.CREATE)) {
            report = session.services().record().record(new RecordCommand(namespace(), batch.items(), partial, agent)).block();
        }
        return json() ? printJson(report) : printText(report, batch);
    }

    private int printJson(RecordReport report) {
        if (report.refusedAny() && !partial) {
            err().println(JsonCodec.instance().write(RecordReportView.toError(report)));
            return ExitCodes.INVALID_INPUT;
        }
        printJson(RecordReportView.toJson(report));
        return report.refusedAny() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }

    private int printText(RecordReport report, BatchInput batch) {
        for (ItemResult item : report.items()) {
            if (item.status() == Status.INVALID || item.status() == Status.CONFLICT) {
                ItemProblems.print(item, batch::where, err());
            }
        }
        long refused = report.count(Status.INVALID) + report.count(Status.CONFLICT);
        if (refused > 0 && !partial) {
            err().println("engram: nothing stored: " + refused + " of " + report.items().size() + " items refused"
                    + " (all or nothing; --partial stores the valid ones)");
            return ExitCodes.INVALID_INPUT;
        }
        out().println("stored " + report.count(Status.STORED) + ", unchanged " + report.count(Status.UNCHANGED)
                + (refused > 0 ? ", refused " + refused : "") + " (namespace " + namespace() + ")");
        if (report.items().size() <= ITEMS_LISTED) {
            for (ItemResult item : report.items()) {
                out().println(String.format(Locale.ROOT, "  %-9s %s", item.status().name().toLowerCase(Locale.ROOT),
                        item.trajectoryId() == null ? batch.where(item.index()) : item.trajectoryId()));
            }
        }
        return refused > 0 ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
    }
}
