#!/usr/bin/env python3
"""Seed 004's memory as its users run it — a JSON file loaded and rewritten around every episode — for comparison
with engram's store-backed memory (ContextLatencyHarness), at a history of 10^5 episodes.

    python3 benchmarks/python/time_seed_file_memory.py DIR [EPISODES] [CONTEXTS] [RECORDS]

context: load_agent_memory(path) then build_memory_context(memory, task) — what a new episode's prompt costs.
record:  load_agent_memory, record_episode, maybe_consolidate_memory (which saves when due), save_agent_memory.
Prints p50 and p99 in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from time_seed_memory import SyntheticEpisodes, history, load_seed_module, DEFAULT_SEED  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def main(argv: list[str]) -> None:
    directory = Path(argv[1])
    episodes = int(argv[2]) if len(argv) > 2 else 100_000
    contexts = int(argv[3]) if len(argv) > 3 else 200
    records = int(argv[4]) if len(argv) > 4 else 50
    seed = load_seed_module(DEFAULT_SEED)
    directory.mkdir(parents=True, exist_ok=True)
    path = str(directory / "agent_memory.json")
    source = SyntheticEpisodes(11)
    seed.save_agent_memory(history(seed, episodes, source), path)
    print(f"memory file of {episodes} episodes: {Path(path).stat().st_size / 1e6:.1f} MB")

    times = []
    for i in range(contexts):
        start = time.perf_counter()
        memory = seed.load_agent_memory(path)
        seed.build_memory_context(memory, f"task-{i % 12}")
        times.append((time.perf_counter() - start) * 1000)
    print(f"seed context (load + build): p50 {percentile(times, 0.5):.1f} ms, p99 {percentile(times, 0.99):.1f} ms, n={contexts}")

    times = []
    for _ in range(records):
        episode = source.next()
        start = time.perf_counter()
        memory = seed.load_agent_memory(path)
        seed.record_episode(memory, episode)
        memory = seed.maybe_consolidate_memory(memory, api_key=None, path=path)
        seed.save_agent_memory(memory, path)
        times.append((time.perf_counter() - start) * 1000)
    print(f"seed record (load + record + save): p50 {percentile(times, 0.5):.1f} ms, p99 {percentile(times, 0.99):.1f} ms, n={records}")


if __name__ == "__main__":
    main(sys.argv)
