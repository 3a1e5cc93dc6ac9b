/**
 * Replay selection: which recorded trajectories a learner should see again.
 *
 * <p>{@link dev.engram.domain.replay.ReplayIndex} holds a {@link dev.engram.domain.replay.ReplayItem} per trajectory
 * (identity, time, agent, task, domain, outcome, loss) and draws samples described by a
 * {@link dev.engram.domain.replay.SampleRequest}: uniform, prioritized (Schaul et al.'s proportional variant),
 * recency, mixed, domain-balanced, fifo, lifo, top — filtered by a {@link dev.engram.domain.replay.ReplayFilter},
 * with or without replacement. Each {@link dev.engram.domain.replay.ReplayDraw} says the probability the item had and
 * its normalised importance-sampling weight. Weighted draws run on {@link dev.engram.domain.replay.SumTree}, a blocked,
 * cache-aware sum tree: O(log n) per draw and per update.
 *
 * <p>Reproducibility: the generator is the caller's {@link java.util.random.RandomGenerator}; use
 * {@link dev.engram.domain.replay.ReplayRandom#seeded} ({@value dev.engram.domain.replay.ReplayRandom#ALGORITHM}) for
 * batches that a seed fixes. Items are laid out in (createdAt, id) order, so the insertion order does not matter.
 *
 * <p>Persistence: {@link dev.engram.domain.replay.ReplaySnapshotCodec} writes and reads a checksummed binary snapshot,
 * keyed by the store's change sequence.
 *
 * <p>JDK only. The index is single-threaded; callers lock.
 */
package dev.engram.domain.replay;
