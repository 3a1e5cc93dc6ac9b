package dev.engram.domain.replay;

/**
 * One draw of a sample.
 *
 * @param id          the drawn item's id
 * @param probability the chance the item had at its draw over the filtered set (mixed: the mixture's; balanced: within
 *                    its domain's stratum; without replacement: among the items not drawn yet; fifo, lifo, top: 1)
 * @param weight      the normalised importance-sampling weight (N·P(i))^-β / max_j (N·P(j))^-β, in (0, 1]; 1 where it
 *                    does not apply (uniform, fifo, lifo, top)
 */
public record ReplayDraw(String id, double probability, double weight) {
}
