#!/usr/bin/env python3
"""Time seed 004's own Python memory at the history sizes of the JMH memory benchmarks, for comparison.

    python3 benchmarks/python/time_seed_memory.py [SEED_FILE]

Measures, in memory, the seed's record_episode and build_memory_context after 10^3 and 10^5 prior episodes, the way
RecordEpisodeBenchmark and RenderContextBenchmark measure engram: every timed record_episode starts from the same
history (restored from a pickle, untimed), and build_memory_context renders one task's context of a fixed history.
Rounds mirror JMH's `-wi 3 -i 5`; the error is the half-width of the 99.9% confidence interval, as JMH prints it.
Python's cycle collector is paused while timing: the seed makes no reference cycles, and the collections that did
run were set off by unpickling the history, not by the seed.

The histories follow the seed's usage with consolidation: every 20 episodes _heuristic_consolidate runs and the
episode log is trimmed to 100, which is what maybe_consolidate_memory and save_agent_memory do (without writing the
whole memory to disk each time). The mistake and success lists grow as the seed grows them. The histories are built
with record_episode's own steps except that list membership is checked with a set (the seed's list scan would make
building 10^5 episodes take minutes); a self-check first proves the result equal to record_episode's.
"""

from __future__ import annotations

import copy
import gc
import pickle
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "domain" / "src" / "test" / "golden"))
from generate_memory_golden import DEFAULT_SEED, load_seed_module  # noqa: E402  (one loader for the seed)

SIZES = [1_000, 100_000]
WARMUP_ROUNDS, ROUNDS = 3, 5
RECORDS_PER_ROUND, RENDERS_PER_ROUND = 50, 1_000
T_999_DF4 = 8.610  # Student's t for a 99.9% two-sided interval with 5 samples, as JMH uses
VERBS = ["restarted", "scaled", "queried", "patched", "ignored", "misread", "retried", "paged", "tuned", "drained"]
OBJECTS = ["the ingress", "service-b", "the replica set", "the cron job", "the feature flag", "the quota",
           "the TLS cert", "the Kafka lag", "the DNS record", "the autoscaler"]


class SyntheticEpisodes:
    """The distribution of the Java benchmarks' SyntheticEpisodes (not the same draws: another generator)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.index = 0

    def phrase(self) -> str:
        return f"{self.rng.choice(VERBS)} {self.rng.choice(OBJECTS)}"

    def texts(self, kind: str) -> list[str]:
        texts = []
        for n in range(self.rng.randrange(3), 0, -1):
            texts.append(f"{kind} (recurring {self.rng.randrange(40)}): {self.phrase()}" if self.rng.random() < 0.5
                         else f"{kind} #{self.index}.{n}: {self.phrase()}")
        return texts

    def next(self) -> dict:
        self.index += 1
        rng = self.rng
        return {
            "task_id": f"task-{rng.randrange(12)}",
            "score": rng.randrange(1001) / 1000.0,
            "steps": 1 + rng.randrange(40),
            "trajectory_summary": f"Episode {self.index}: {self.phrase()}, then {self.phrase()} and checked the result",
            "mistakes": self.texts("Mistake"),
            "successes": self.texts("Success"),
            "mistake_cards": [
                {"mistake_type": f"type-{rng.randrange(20)}", "worker_id": f"w{rng.randrange(3)}",
                 "bad_decision": "escalate", "correct_decision": f"inspect logs {rng.randrange(4)}",
                 "evidence": f"p99 went from 80ms to {rng.randrange(5000)}ms",
                 "lesson": f"Read the logs before {self.phrase()}."}
                for _ in range(rng.randrange(3))
            ],
        }


def consolidate_in_memory(seed, memory: dict) -> None:
    """maybe_consolidate_memory without its disk write: heuristic rules, then the log trim its save does."""
    total = memory["total_episodes"]
    if total - (memory["last_consolidated_at"] or 0) >= seed.CONSOLIDATION_EVERY:
        seed._heuristic_consolidate(memory)
        memory["last_consolidated_at"] = total
        memory["episode_log"] = memory["episode_log"][-seed.MAX_EPISODES_STORED:]


def fast_record(seed, memory: dict, episode: dict, seen: dict) -> None:
    """record_episode step for step, with sets for the `not in list` checks."""
    task_id = episode.get("task_id", "unknown")
    score = float(episode.get("score", 0.0))
    memory["score_history"].setdefault(task_id, []).append(score)
    memory["episode_log"].append({"timestamp": "", "task_id": task_id, "score": score,
                                  "steps": episode.get("steps", 0), "summary": episode.get("trajectory_summary", "")})
    memory["total_episodes"] = memory.get("total_episodes", 0) + 1
    for field in ("mistakes", "successes"):
        for text in episode.get(field, []):
            if text and text not in seen[field]:
                seen[field].add(text)
                memory[field].append(text)
    for card in episode.get("mistake_cards", []):
        seed._record_mistake_card(memory, card, task_id)
    seed._update_rules_from_episode(memory, task_id, score, episode)


def history(seed, episodes: int, source: SyntheticEpisodes, fast: bool = True) -> dict:
    memory = seed.new_agent_memory()
    seen = {"mistakes": set(), "successes": set()}
    for _ in range(episodes):
        episode = source.next()
        if fast:
            fast_record(seed, memory, episode, seen)
        else:
            seed.record_episode(memory, episode)
        consolidate_in_memory(seed, memory)
    return memory


def check_fast_history(seed) -> None:
    fast, real = history(seed, 2_000, SyntheticEpisodes(7)), history(seed, 2_000, SyntheticEpisodes(7), fast=False)
    for memory in (fast, real):
        for entry in memory["episode_log"]:
            entry["timestamp"] = ""
    assert fast == real, "the fast history builder no longer matches record_episode"


def rounds(measure_round) -> tuple[float, float]:
    for _ in range(WARMUP_ROUNDS):
        measure_round()
    samples = [measure_round() for _ in range(ROUNDS)]
    return statistics.mean(samples), T_999_DF4 * statistics.stdev(samples) / ROUNDS ** 0.5


def time_record(seed, size: int) -> tuple[float, float]:
    source = SyntheticEpisodes(42)
    snapshot = pickle.dumps(history(seed, size, source))
    next_episodes = [source.next() for _ in range(64)]
    counter = [0]

    def measure_round() -> float:
        spent = 0
        for _ in range(RECORDS_PER_ROUND):
            memory = pickle.loads(snapshot)  # the same history every time, untimed
            episode = copy.deepcopy(next_episodes[counter[0] % 64])
            counter[0] += 1
            gc.disable()
            start = time.perf_counter_ns()
            seed.record_episode(memory, episode)
            spent += time.perf_counter_ns() - start
            gc.enable()
        return spent / RECORDS_PER_ROUND / 1_000

    return rounds(measure_round)


def time_render(seed, size: int) -> tuple[float, float]:
    memory = history(seed, size, SyntheticEpisodes(42))
    counter = [0]

    def measure_round() -> float:
        gc.disable()
        start = time.perf_counter_ns()
        for _ in range(RENDERS_PER_ROUND):
            counter[0] += 1
            seed.build_memory_context(memory, f"task-{counter[0] % 12}")
        spent = time.perf_counter_ns() - start
        gc.enable()
        return spent / RENDERS_PER_ROUND / 1_000

    return rounds(measure_round)


def main(argv: list[str]) -> None:
    seed = load_seed_module(Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED)
    check_fast_history(seed)
    print(f"Python {sys.version.split()[0]}; {WARMUP_ROUNDS} warm-up and {ROUNDS} measured rounds; us/op")
    print(f"{'operation':<28}{'prior episodes':>16}{'score':>12}{'error':>12}")
    results = {}
    for name, timer in (("record_episode", time_record), ("build_memory_context", time_render)):
        for size in SIZES:
            mean, error = timer(seed, size)
            results[(name, size)] = mean
            print(f"{name:<28}{size:>16}{mean:>12.3f}{error:>12.3f}")
    for name in ("record_episode", "build_memory_context"):
        print(f"ratio {name} 10^5/10^3: {results[(name, SIZES[1])] / results[(name, SIZES[0])]:.2f}")


if __name__ == "__main__":
    main(sys.argv)
