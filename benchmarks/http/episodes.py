#!/usr/bin/env python3
"""Writes N episodes of one agent as JSON Lines (~2 KB each) for the context benchmark: episodes.py N AGENT > file."""
import json
import sys

n, agent = int(sys.argv[1]), sys.argv[2]
pad = "Read the service logs before escalating; the JWT expiry check was off by one hour. " * 16
mistakes = ["Escalated too early", "Restarted the wrong pod", "Skipped the canary", "Ignored the failing health check"]
for i in range(n):
    fail = i % 3 == 0
    print(json.dumps({
        "trajectory_id": "ctx-%d" % i, "agent_id": agent, "task_id": ("deploy", "triage", "review")[i % 3],
        "domain": "code", "final_outcome": "failure" if fail else "success", "reward": 0.2 if fail else 0.9,
        "created_at": "2026-11-%02dT%02d:%02d:%02dZ" % (1 + i // 86400 % 28, i // 3600 % 24, i // 60 % 60, i % 60),
        "steps": [{"tool_name": "analyze_code", "tool_args": {"file": "auth.py", "line": i},
                   "tool_result": "Found 3 potential bugs", "agent_reasoning": pad}],
        "reflection": {"summary": "Episode %d of the deploy runbook" % i,
                       "mistakes": [mistakes[i % 4]] if fail else [],
                       "successes": ["Correctly identified root cause on step 3"] if not fail else []}}))
