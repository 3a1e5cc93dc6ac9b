package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.application.config.EngramSettings;
import dev.engram.domain.error.DomainException;
import picocli.CommandLine.Command;

@Command(name = "worker",
        description = "Drain the write buffer into the long-term store until stopped, when a buffer is configured "
                + "(buffer: redis, a plugin of a later release). Without one, record writes straight into the store and "
                + "there is nothing to drain: the command says so and exits 2.",
        footerHeading = "%nExamples:%n",
        footer = {"  engram --config examples/config/redis-mongo.yaml worker"})
public final class WorkerCmd extends EngramSubcommand {
    @Override
    public Integer call() {
        EngramSettings settings = Session.settings(options(), terminal());
        if (settings.buffer() == null) {
            throw DomainException.invalidArgument("buffer", "no write buffer is configured (buffer: none), so there is nothing "
                    + "to drain: engram record writes straight into the store. A buffer (redis) comes with its plugin in a later release");
        }
        // a configured buffer needs its plugin: starting looks for it, and names the plugins found when it is missing
        Session.open(options(), terminal(), Access.EXISTING).close();
        throw DomainException.invalidArgument("buffer", "the write-behind worker for buffer '" + settings.buffer()
                + "' is not part of this release");
    }
}
