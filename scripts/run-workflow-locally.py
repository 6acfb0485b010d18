#!/usr/bin/env python3
"""Runs the `run:` steps of one job of .github/workflows/help-center.yml here, in the order the
workflow defines them, skipping the `uses:` steps (GitHub's own actions: checkout, cache,
uploads). A way to see that the workflow's commands work before pushing it.

    python3 scripts/run-workflow-locally.py [JOB]    (default: site)

Needs PyYAML (ruamel.yaml works too: check-jsonschema brings it)."""
import os
import subprocess
import sys

try:
    import yaml

    def load(text):
        return yaml.safe_load(text)
except ImportError:
    from ruamel.yaml import YAML

    def load(text):
        return YAML(typ="safe").load(text)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
workflow = load(open(os.path.join(root, ".github/workflows/help-center.yml")).read())
job_name = sys.argv[1] if len(sys.argv) > 1 else "site"
job = workflow["jobs"][job_name]
environment = dict(os.environ, GITHUB_OUTPUT=os.devnull, GITHUB_STEP_SUMMARY=os.devnull)
for number, step in enumerate(job["steps"], 1):
    title = step.get("name") or step.get("uses") or step.get("run")
    if "run" not in step:
        print(f"[{number}] skipped here (a GitHub action): {title}", flush=True)
        continue
    print(f"[{number}] {title}\n$ {step['run']}", flush=True)
    status = subprocess.call(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=root, env=environment)
    if status != 0:
        sys.exit(f"step {number} ({title}) failed with exit status {status}")
print(f"all run steps of job '{job_name}' passed")
