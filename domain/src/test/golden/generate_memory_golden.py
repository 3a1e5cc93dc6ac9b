#!/usr/bin/env python3
"""Generate the agent-memory golden file from seed 004's own Python code.

The seed's memory module (``record_episode``, ``maybe_consolidate_memory``, ``build_memory_context``,
``memory_summary``) is read out of the seed document at run time and executed as it is: nothing of it is copied
into this repository. A fixed pseudo-random sequence of episodes is driven through it, and after every episode the
seed's answers are written down, so that the Java test can replay the same episodes and compare.

Usage (Python 3.11; from anywhere):

    python3 generate_memory_golden.py [SEED_FILE] [OUTPUT_FILE]

SEED_FILE defaults to ../shared/seeds/004_894409c796a2a929.txt beside the repository, OUTPUT_FILE to
domain/src/test/resources/golden/memory_golden.json. The output is deterministic: running it twice gives the same
bytes, so a changed file in a review means changed behaviour.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import types
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
DEFAULT_SEED = REPO.parent / "shared" / "seeds" / "004_894409c796a2a929.txt"
DEFAULT_OUTPUT = REPO / "domain" / "src" / "test" / "resources" / "golden" / "memory_golden.json"

EPISODES = 400
FULL_SNAPSHOT_EVERY = 20
NO_TASK_CONTEXT_EVERY = 10
RANDOM_SEED = 20261120


def load_seed_module(seed_file: Path) -> types.ModuleType:
    """Executes the seed's memory module, which starts at its docstring ("Cross-episode agent memory system.")."""
    lines = seed_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(
        i for i in range(len(lines) - 1)
        if lines[i].strip() == '"""' and lines[i + 1].startswith("Cross-episode agent memory system.")
    )
    module = types.ModuleType("seed_agent_memory")
    exec(compile("".join(lines[start:]), str(seed_file), "exec"), module.__dict__)
    return module


TASKS = ["root_cause_analysis", "deploy", "log_search", "rollback", "capacity_plan", "障害対応"]
UNSEEN_TASK = "never_recorded_task"

# Scores where printing or thresholds are easy to get wrong: the 0.85 and 0.5 edges (and the doubles beside them),
# binary-exact halves that Python rounds half-to-even (0.125 -> 0.12, 0.875 -> 0.88), and 0.845 whose binary value
# lies just below the half.
EDGE_SCORES = [0.85, 0.5, 0.125, 0.845, 1.0, 0.0, 0.875, 0.625, 0.375, 0.8500000000000001,
               0.49999999999999994, 0.005, 0.015, 0.335, 0.9, 0.115, 1, 0]

RECURRING_MISTAKES = [
    "Escalated too early before diagnosing",
    "Skipped reading the logs",
    "Restarted the pod without checking événements",
    "Ignored the 🔥 alert from the pager",
    "Deleted resources in the wrong namespace",
    "Assumed the cache was warm",
    "Rolled back without a snapshot",
    "Did not verify the fix — declared success early",
    "重複したアラートを見落とした",
    "Queried the whole index instead of one shard",
    "Mixed up staging and production credentials",
    "Retried a non-idempotent call\nand double-charged the customer",
    "Long mistake: " + "the agent kept polling the health endpoint while the database was down " * 3,
]
RECURRING_SUCCESSES = [
    "Correctly identified root cause on step 3",
    "Checked the deployment diff first",
    "Read the logs before acting",
    "Used the runbook 📘",
    "Bisected the failing commits",
    "Asked the owner before rolling back",
    "Compared p99 latency before and after",
    "Pinned the dependency versions",
    "Drained the node before maintenance",
    "根本原因を特定した",
]
VERBS = ["restarted", "scaled", "queried", "patched", "ignored", "misread", "retried", "paged", "tuned", "dropped"]
OBJECTS = ["the ingress", "service-b", "the replica set", "the cron job", "the feature flag", "the quota",
           "the TLS cert", "the Kafka lag", "the DNS record", "the autoscaler"]
SUMMARIES = [
    "Investigated auth-service first, found JWT expiry bug",
    "Rolled back the release after error rate spiked",
    "Found the noisy neighbour by comparing CPU steal",
    "Fixed the broken cron expression",
    "Restored the index from the nightly snapshot",
    "",
    "Searched the logs for the request id and found the 502 source",
    "Planned capacity for Black Friday with a 30% margin",
    "Ünïcödé summary with accents — and a dash",
    # cut at 100 (recent episodes) and 120 (consolidated rules) falls on an astral code point
    "A" * 99 + "😀" + "B" * 19 + "🚀" + " tail after the consolidation cut",
    "Long summary: " + "checked every pod in the namespace one by one, " * 4,
]
CARD_TYPES = ["premature_escalation", "wrong_namespace", "missed_signal", "unsafe_rollback", "stale_cache",
              "slow_diagnosis", "credential_mixup", "alert_fatigue", "scope_creep", "flaky_retry"]
WORKERS = ["w1", "w2", "w3", None, ""]
CORRECT_DECISIONS = ["inspect logs", "check metrics", "ask the owner", None, ""]
BAD_DECISIONS = ["escalate", "restart", "rollback", "ignore", None, "delete namespace"]
EVIDENCE = [
    None, "", "Logs showed the JWT expired at 10:02", "p99 went from 80ms to 2s", "Alert 🔔 fired 14 times",
]
LONG_EVIDENCE = [
    "e" * 299 + "🧪" + " evidence beyond the 300 code point cut",
    "Evidence: " + "the graph shows a saw-tooth pattern every five minutes; " * 7,
]
LESSONS = [
    None, "", "Read the logs before escalating.", "Check the namespace twice.", "Snapshot before rollback.",
]
LONG_LESSONS = [
    "L" * 298 + "🧭🧭" + " lesson beyond the cut",
    "Lesson: " + "always confirm the blast radius before acting; " * 8,
]
HOT_CARDS = [
    {"mistake_type": "premature_escalation", "worker_id": "w1", "correct_decision": "inspect logs"},
    {"mistake_type": "wrong_namespace", "worker_id": "w2", "correct_decision": "check metrics"},
    {"mistake_type": "missed_signal", "worker_id": None, "correct_decision": None},
    {"mistake_type": "missed_signal", "worker_id": "", "correct_decision": ""},
    {"mistake_type": None},
    {"mistake_type": "stale_cache", "task_id": "deploy", "worker_id": "w3", "correct_decision": "ask the owner"},
    {"mistake_type": "alert_fatigue", "task_id": "", "worker_id": "w1"},
]


def pick_score(rng: random.Random):
    if rng.random() < 0.35:
        return rng.choice(EDGE_SCORES)
    return rng.choice([
        round(rng.random(), 2),
        round(rng.random(), 3),
        rng.random(),
        round(rng.uniform(0.8, 1.0), 2),
        round(rng.uniform(0.0, 0.5), 2),
    ])


def pick_texts(rng: random.Random, recurring: list[str], fresh_prefix: str, index: int):
    """Absent, empty, or one to three texts: mostly recurring ones, sometimes new, sometimes repeated in one list."""
    roll = rng.random()
    if roll < 0.12:
        return None
    if roll < 0.25:
        return []
    texts = []
    for n in range(rng.randint(1, 3)):
        if rng.random() < 0.6:
            texts.append(rng.choice(recurring))
        else:
            texts.append(f"{fresh_prefix} #{index}.{n}: {rng.choice(VERBS)} {rng.choice(OBJECTS)}")
    if rng.random() < 0.05:
        texts.append(texts[0])
    return texts


def pick_card(rng: random.Random, task_id: str) -> dict:
    if rng.random() < 0.5:
        card = dict(rng.choice(HOT_CARDS))
    else:
        card = {
            "mistake_type": rng.choice(CARD_TYPES + [None, ""]),
            "worker_id": rng.choice(WORKERS),
            "correct_decision": rng.choice(CORRECT_DECISIONS),
        }
        if rng.random() < 0.5:
            card["task_id"] = rng.choice([None, "", task_id, rng.choice(TASKS)])
    for field, choices, long_choices in (("bad_decision", BAD_DECISIONS, BAD_DECISIONS),
                                         ("evidence", EVIDENCE, LONG_EVIDENCE),
                                         ("lesson", LESSONS, LONG_LESSONS)):
        if rng.random() < 0.85:
            card[field] = rng.choice(long_choices if rng.random() < 0.06 else choices)
    return card


def make_episode(rng: random.Random, index: int, start: datetime) -> dict:
    episode = {
        "trajectory_id": f"traj-{index:04d}",
        "recorded_at": (start + timedelta(minutes=index)).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if rng.random() >= 0.02:  # now and then no task id: the seed files it under "unknown"
        episode["task_id"] = rng.choice(TASKS)
    episode["score"] = pick_score(rng)
    if rng.random() >= 0.05:
        episode["steps"] = rng.randint(1, 40)
    if rng.random() >= 0.05:
        episode["trajectory_summary"] = (
            rng.choice(SUMMARIES) if rng.random() < 0.7
            else f"Episode {index}: {rng.choice(VERBS)} {rng.choice(OBJECTS)} and it worked"
        )
    for field, recurring, prefix in (("mistakes", RECURRING_MISTAKES, "Mistake"),
                                     ("successes", RECURRING_SUCCESSES, "Success")):
        texts = pick_texts(rng, recurring, prefix, index)
        if texts is not None:
            episode[field] = texts
    roll = rng.random()
    if roll < 0.45:
        task_id = episode.get("task_id", "unknown")
        episode["mistake_cards"] = [pick_card(rng, task_id) for _ in range(rng.randint(1, 3))]
    elif roll < 0.55:
        episode["mistake_cards"] = []
    return episode


def snapshot(seed, memory: dict, task_id: str, index: int, consolidated: bool, rules_seen: dict) -> dict:
    """The seed's answers after one episode: always its summary and the context of the episode's task; the task's
    rules when they changed; the global rules after a consolidation; everything every FULL_SNAPSHOT_EVERY."""
    full = index % FULL_SNAPSHOT_EVERY == 0 or index == EPISODES
    expect = {
        "total_episodes": memory["total_episodes"],
        "last_consolidated_at": memory["last_consolidated_at"],
        "summary": seed.memory_summary(memory),
    }
    context_tasks = [task_id]
    if full:
        context_tasks = [None, UNSEEN_TASK] + TASKS + ["unknown"]
    elif index % NO_TASK_CONTEXT_EVERY == 0:
        context_tasks = [task_id, None]
    expect["contexts"] = [{"task_id": t, "text": seed.build_memory_context(memory, t)} for t in context_tasks]
    rule_tasks = list(memory["task_rules"]) if full else [task_id]
    expect["task_rules"] = {
        t: list(memory["task_rules"][t]) for t in rule_tasks if full or rules_seen.get(t) != memory["task_rules"][t]
    }
    rules_seen.update((t, list(rules)) for t, rules in expect["task_rules"].items())
    if full or consolidated:
        expect["global_rules"] = list(memory["global_rules"])
    if full:
        expect["mistake_cards"] = [dict(card) for card in memory["mistake_cards"]]
        expect["mistakes_tail"] = memory["mistakes"][-10:]
        expect["successes_tail"] = memory["successes"][-10:]
        expect["successes_stored"] = len(memory["successes"])
    return expect


def generate(seed_file: Path) -> dict:
    os.environ.pop("GROQ_API_KEY", None)  # the heuristic consolidation, never the LLM one
    seed = load_seed_module(seed_file)
    rng = random.Random(RANDOM_SEED)
    start = datetime(2026, 11, 20, 10, 0, 0, tzinfo=timezone.utc)
    memory = seed.new_agent_memory()
    steps = []
    rules_seen: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "agent_memory.json")
        for index in range(1, EPISODES + 1):
            episode = make_episode(rng, index, start)
            before = memory["last_consolidated_at"]
            memory = seed.record_episode(memory, json.loads(json.dumps(episode)))
            # The seed's documented usage saves after every episode; saving is what trims its episode log to the
            # last 100, so this keeps the seed's log the bounded one engram keeps.
            seed.save_agent_memory(memory, path)
            memory = seed.maybe_consolidate_memory(memory, api_key=None, path=path)
            consolidated = memory["last_consolidated_at"] != before
            task_id = episode.get("task_id", "unknown")
            steps.append({"episode": episode, "expect": snapshot(seed, memory, task_id, index, consolidated, rules_seen)})
    return {
        "seed_file": seed_file.name,
        "seed_sha256": hashlib.sha256(seed_file.read_bytes()).hexdigest(),
        "python": "%d.%d" % sys.version_info[:2],
        "random_seed": RANDOM_SEED,
        "steps": steps,
    }


def write(golden: dict, output: Path) -> None:
    """One step a line: small diffs when the seed or the generator changes, and still one JSON document."""
    head = {k: v for k, v in golden.items() if k != "steps"}
    lines = [json.dumps(step, ensure_ascii=False, sort_keys=False) for step in golden["steps"]]
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "steps": [\n' + ",\n".join(lines) + "\n]}\n"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> None:
    if sys.version_info[:2] != (3, 11):
        # sum() of floats became compensated in 3.12; the golden means are those of a plain left-to-right sum
        sys.exit("needs Python 3.11 (found %d.%d)" % sys.version_info[:2])
    seed_file = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    output = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    golden = generate(seed_file)
    write(golden, output)
    print(f"wrote {output} ({output.stat().st_size} bytes, {len(golden['steps'])} episodes)")


if __name__ == "__main__":
    main(sys.argv)
