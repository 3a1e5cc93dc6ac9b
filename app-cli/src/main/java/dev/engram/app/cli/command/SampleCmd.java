package dev.engram.app.cli.command;

import dev.engram.app.cli.Access;
import dev.engram.app.cli.Session;
import dev.engram.app.cli.input.DurationArgument;
import dev.engram.app.cli.input.Filters;
import dev.engram.app.cli.input.PresetArgument;
import dev.engram.app.cli.input.SampleOptions;
import dev.engram.app.cli.input.StrategyArgument;
import dev.engram.app.cli.text.SampleText;
import dev.engram.application.port.in.SampleCommand;
import dev.engram.application.port.in.SampleResult;
import dev.engram.domain.replay.ReplayPreset;
import dev.engram.domain.replay.ReplayStrategy;
import dev.engram.domain.replay.SampleRequest;
import dev.engram.json.views.SampleView;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample",
        description = {
            "Draw a replay batch for training. Each item comes with the probability it had at its draw and its normalised "
                    + "importance-sampling weight (1 where none applies). The same --seed on the same store draws the same batch "
                    + "(generator L64X128MixRandom; items ordered by created_at, then id; recency ages measured from the newest "
                    + "eligible item). Each draw counts as a replay of the item.",
            "Strategies: uniform (default), prioritized (by loss: P ~ p^alpha), recency (half-life), mixed (a share --mix "
                    + "prioritized, the rest uniform), balanced (an equal share per domain, --within each), fifo, lifo, top "
                    + "(highest priority first). A --preset sets the strategy and its exponents; flags given explicitly override it.",
            "Without --replacement the items are distinct, and when fewer are eligible than asked, all of them are returned."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  engram sample -n 32 --preset stable                 prioritized, alpha 0.6, beta 0.4",
            "  engram sample -n 32 --preset stable --beta 1.0       the same with full bias correction",
            "  engram sample -n 16 --strategy recency --half-life 3d --agent builder_agent",
            "  engram sample -n 64 --strategy balanced --within prioritized --seed 7 --json"})
public final class SampleCmd extends EngramSubcommand {
    @Option(names = "-n", required = true, paramLabel = "N", description = "How many draws (1 to " + SampleRequest.MAX_N + ").")
    int n;

    @Option(names = "--strategy", paramLabel = "STRATEGY", converter = StrategyArgument.class,
            description = "uniform, prioritized, recency, mixed, balanced, fifo, lifo or top (default: the preset's, else uniform).")
    ReplayStrategy strategy;

    @Option(names = "--preset", paramLabel = "PRESET", converter = PresetArgument.class,
            description = "fast (uniform), stable (prioritized, alpha 0.6, beta 0.4), prioritized (alpha 0.8, beta 0.6), balanced.")
    ReplayPreset preset;

    @Option(names = "--alpha", paramLabel = "A", description = "Prioritization exponent, at least 0; 0 is uniform (default 0.6).")
    Double alpha;

    @Option(names = "--beta", paramLabel = "B", description = "Importance-sampling exponent, 0 to 1; 1 corrects fully (default 0.4).")
    Double beta;

    @Option(names = "--half-life", paramLabel = "DURATION", converter = DurationArgument.class,
            description = "Recency half-life: a run this much older is half as likely (default 7d).")
    Duration halfLife;

    @Option(names = "--mix", paramLabel = "R", description = "Mixed: the share of prioritized draws, 0 to 1 (default 0.5).")
    Double mix;

    @Option(names = "--within", paramLabel = "STRATEGY", converter = StrategyArgument.class,
            description = "Balanced: how to draw inside each domain (default uniform).")
    ReplayStrategy within;

    @Option(names = "--replacement", description = "Draw with replacement: an item may come more than once.")
    boolean replacement;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draw, to reproduce a batch (default: a fresh one, printed).")
    Long seed;

    @Mixin
    Filters filters;

    @Override
    public Integer call() {
        SampleRequest request = new SampleOptions(n, preset, strategy, alpha, beta, halfLife, mix, within, replacement, filters).request();
        SampleResult result;
        try (Session session = open(Access.EXISTING)) {
            result = session.replay().sample().sample(new SampleCommand(namespace(), request, seed)).block();
        }
        if (json()) {
            printJson(SampleView.toJson(result));
        } else {
            SampleText.print(result, out());
        }
        return 0;
    }
}
