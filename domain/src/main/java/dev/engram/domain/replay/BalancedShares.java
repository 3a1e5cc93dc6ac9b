package dev.engram.domain.replay;

import java.util.random.RandomGenerator;

/**
 * How many of n draws each stratum (domain) gets: as equal as the strata allow. Every stratum gets ⌊n/D⌋ and the
 * remainder goes one each to strata picked at random — a partial Fisher–Yates shuffle of the strata in domain order,
 * so the seed fixes it. A stratum that cannot give its share (fewer items than its share, drawing without
 * replacement) gives all it has and the rest is shared among the others the same way (water-filling), so a request
 * for more than is eligible returns everything.
 */
final class BalancedShares {

    private BalancedShares() {
    }

    /**
     * @param n          draws asked for
     * @param capacities the most each stratum can give (Integer.MAX_VALUE with replacement)
     */
    static int[] of(int n, int[] capacities, RandomGenerator random) {
        int strata = capacities.length;
        int[] shares = new int[strata];
        boolean[] settled = new boolean[strata];
        int remaining = n;
        int open = strata;
        while (open > 0) {
            int base = remaining / open;
            boolean settledAny = false;
            for (int s = 0; s < strata; s++) {
                if (!settled[s] && capacities[s] <= base) {
                    shares[s] = capacities[s];
                    settled[s] = true;
                    remaining -= capacities[s];
                    open--;
                    settledAny = true;
                }
            }
            if (settledAny) {
                continue;
            }
            // every open stratum holds more than base, so each can take base + 1
            int[] candidates = new int[open];
            int count = 0;
            for (int s = 0; s < strata; s++) {
                if (!settled[s]) {
                    shares[s] = base;
                    candidates[count++] = s;
                }
            }
            for (int extra = 0; extra < remaining - base * open; extra++) {
                int pick = extra + random.nextInt(count - extra);
                int chosen = candidates[pick];
                candidates[pick] = candidates[extra];
                candidates[extra] = chosen;
                shares[chosen]++;
            }
            break;
        }
        return shares;
    }
}
