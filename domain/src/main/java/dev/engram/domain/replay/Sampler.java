package dev.engram.domain.replay;

import java.util.List;
import java.util.random.RandomGenerator;

/** Carries out one sample request on a laid-out table: picks the eligible list(s) and the strategy's draws. */
final class Sampler {

    private final ItemTable table;
    private final WeightedDraws weighted;
    private final OrderedDraws ordered;

    Sampler(ItemTable table, WeightingCache cache, WinnerTree highest) {
        this.table = table;
        this.weighted = new WeightedDraws(table, cache);
        this.ordered = new OrderedDraws(table, highest);
    }

    Draws sample(SampleRequest request, RandomGenerator random) {
        Draws out = new Draws(request.n());
        if (request.strategy() != ReplayStrategy.BALANCED) {
            draw(request.strategy(), Eligibility.eligible(table, request.filter()), request, request.n(), random, out);
            return out;
        }
        List<KeyList> strata = Eligibility.strata(table, request.filter());
        boolean unlimited = request.withReplacement() && !request.within().ordered();
        int[] capacities = new int[strata.size()];
        for (int s = 0; s < capacities.length; s++) {
            capacities[s] = unlimited ? Integer.MAX_VALUE : strata.get(s).live();
        }
        int[] shares = BalancedShares.of(request.n(), capacities, random);
        for (int s = 0; s < shares.length; s++) {
            if (shares[s] > 0) {
                draw(request.within(), strata.get(s), request, shares[s], random, out);
            }
        }
        return out;
    }

    private void draw(ReplayStrategy strategy, KeyList list, SampleRequest request, int n, RandomGenerator random,
                      Draws out) {
        boolean replacement = request.withReplacement();
        double beta = request.beta();
        switch (strategy) {
            case UNIFORM:
                weighted.proportional(list, PriorityWeighting.UNIFORM, n, replacement, beta, random, out);
                break;
            case PRIORITIZED:
                weighted.proportional(list, new PriorityWeighting(request.alpha()), n, replacement, beta, random, out);
                break;
            case RECENCY:
                weighted.proportional(list, new RecencyWeighting(request.halfLife()), n, replacement, beta, random,
                        out);
                break;
            case MIXED:
                weighted.mixed(list, new PriorityWeighting(request.alpha()), request.mix(), n, replacement, beta,
                        random, out);
                break;
            default:
                ordered.draw(strategy, list, n, out);
        }
    }
}
