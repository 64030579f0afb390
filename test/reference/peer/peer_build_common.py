"""Helpers shared by the builders of test/reference/peer (build_*_holdout.py): a time limit for one
SymPy or mpmath call, and which expressions nabla's parser reads (it decides the functions allowed;
`npm run build` must have run)."""
import json
import os
import signal
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))


class Timeout(Exception):
    pass


def _alarm(_sig, _frame):
    raise Timeout()


signal.signal(signal.SIGALRM, _alarm)


def timed(fn, seconds):
    """fn() with at most `seconds` of wall time (Timeout past it)."""
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)


def nabla_reads(exprs):
    """For each string, whether nabla's parser reads it (through dist/index.js)."""
    script = (
        "import { readFileSync } from 'node:fs';"
        "const m = await import(process.argv[1]);"
        "const xs = JSON.parse(readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(xs.map((s) => { try { m.parse(s); return true; } catch { return false; } })));"
    )
    out = subprocess.run(['node', '--input-type=module', '-e', script, os.path.join(ROOT, 'dist', 'index.js')],
                         input=json.dumps(exprs), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)
