#!/usr/bin/env python3
"""Generate an ``agent_memory.json`` with seed 004's own Python, and what the seed answers about it.

``SeedMemoryImportTest`` converts the file with ``SeedMemoryImport`` and checks that engram then answers as the
seed does: the same ``memory_summary`` and the same ``build_memory_context`` text for every task.

The seed's memory module is executed from the seed document as ``generate_memory_golden.py`` does (its loader and
its episode generator are reused, so nothing of the seed is copied here). 130 episodes are recorded — enough for the
episode log to be trimmed to its last 100 and for six consolidations, the last of which goes through the seed's LLM
path with a stand-in for ``httpx`` that answers with a fixed list of rules, so that ``[CONSOLIDATED]`` rules are in
the file too. The file is written by the seed's own ``save_agent_memory``.

Usage (Python 3.11; from anywhere):

    python3 generate_seed_memory_file.py [SEED_FILE] [OUTPUT_DIR]

OUTPUT_DIR defaults to domain/src/test/resources/golden; the script writes ``seed_agent_memory.json`` and
``seed_agent_memory_expect.json`` there. The output is deterministic.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tempfile
import types
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_memory_golden as golden  # noqa: E402  (the loader and the episode generator)

EPISODES = 130
LLM_CONSOLIDATION_AT = 120
RANDOM_SEED = 20261123
LLM_RULES = ["Read the logs before acting.", "Snapshot before any rollback.", "Ask the owner when unsure."]


class FixedClock(datetime):
    """The seed stamps its log with datetime.now(timezone.utc); a fixed, advancing clock keeps the file stable."""
    ticks = 0

    @classmethod
    def now(cls, tz=None):
        cls.ticks += 1
        return datetime(2026, 11, 20, 10, 0, 0, tzinfo=timezone.utc).replace(minute=cls.ticks % 60, hour=10 + cls.ticks // 60)


def fake_httpx() -> types.ModuleType:
    """Answers the seed's chat-completions call with a JSON list of rules, as a model would."""
    class Response:
        def raise_for_status(self):
            return None

        def json(self):
            return {"choices": [{"message": {"content": "Here are the rules:\n" + json.dumps(LLM_RULES)}}]}

    module = types.ModuleType("httpx")
    module.post = lambda *args, **kwargs: Response()
    return module


def generate(seed_file: Path, output_dir: Path) -> None:
    os.environ.pop("GROQ_API_KEY", None)
    seed = golden.load_seed_module(seed_file)
    seed.datetime = FixedClock
    rng = random.Random(RANDOM_SEED)
    start = datetime(2026, 11, 20, 10, 0, 0, tzinfo=timezone.utc)
    output_dir.mkdir(parents=True, exist_ok=True)
    memory_file = output_dir / "seed_agent_memory.json"
    memory = seed.new_agent_memory()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, "agent_memory.json")
        for index in range(1, EPISODES + 1):
            episode = golden.make_episode(rng, index, start)
            for key in ("trajectory_id", "recorded_at"):  # engram's test fields; the seed ignores them anyway
                episode.pop(key)
            memory = seed.record_episode(memory, episode)
            seed.save_agent_memory(memory, scratch)
            if index == LLM_CONSOLIDATION_AT:
                sys.modules["httpx"] = fake_httpx()
                memory["last_consolidated_at"] = index - seed.CONSOLIDATION_EVERY
                memory = seed.maybe_consolidate_memory(memory, api_key="stand-in", path=scratch)
                del sys.modules["httpx"]
            else:
                memory = seed.maybe_consolidate_memory(memory, api_key=None, path=scratch)
    seed.save_agent_memory(memory, str(memory_file))
    saved = json.loads(memory_file.read_text(encoding="utf-8"))
    tasks = [None, golden.UNSEEN_TASK, "unknown"] + golden.TASKS
    expect = {
        "seed_file": seed_file.name,
        "seed_sha256": hashlib.sha256(seed_file.read_bytes()).hexdigest(),
        "python": "%d.%d" % sys.version_info[:2],
        "summary": seed.memory_summary(saved),
        "contexts": [{"task_id": t, "text": seed.build_memory_context(saved, t)} for t in tasks],
    }
    (output_dir / "seed_agent_memory_expect.json").write_text(
        json.dumps(expect, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {memory_file} and its expectations ({EPISODES} episodes)")


def main(argv: list[str]) -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit("needs Python 3.11 (found %d.%d)" % sys.version_info[:2])
    seed_file = Path(argv[1]) if len(argv) > 1 else golden.DEFAULT_SEED
    output_dir = Path(argv[2]) if len(argv) > 2 else golden.DEFAULT_OUTPUT.parent
    generate(seed_file, output_dir)


if __name__ == "__main__":
    main(sys.argv)
