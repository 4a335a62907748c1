"""Shared by the case scripts: data, interleaved timed runs, peak memory, Markdown tables.

Every command runs under `/usr/bin/time -f %M` (peak resident set size of the process, in KB);
wall time is measured around it with time.perf_counter. Runs are interleaved (repeat 1 of
every command, then repeat 2 of every command, in rotated order) so that a machine that gets
slower or faster during the run shifts every command alike. A command that fails or times
out is not run again, and the table says what happened.
"""
import json
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = Path(os.environ.get("BENCH_WORK", BENCH / "work"))
DATA = WORK / "data"
QUICK = os.environ.get("QUICK", "0") == "1"
PYTHON = sys.executable


def ensure_python():
    """Re-executes the script with a python3 that has pandas, openpyxl, xlsxwriter and numpy."""
    try:
        import numpy, openpyxl, pandas, xlsxwriter  # noqa: F401
    except ImportError:
        for candidate in (os.environ.get("PYTHON"), "/usr/bin/python3"):
            if candidate and os.path.realpath(candidate) != os.path.realpath(sys.executable) \
                    and os.path.exists(candidate):
                os.execv(candidate, [candidate] + sys.argv)
        sys.exit("bench: this python3 lacks pandas/openpyxl/xlsxwriter/numpy; install Debian's "
                 "python3-pandas python3-openpyxl python3-xlsxwriter, or set PYTHON=/path/to/python3")


def setting(name, full, quick):
    """An integer setting: environment variable `name`, else the quick or the full default."""
    value = os.environ.get(name)
    return type(full)(value) if value else (quick if QUICK else full)


def make_data(*args):
    subprocess.run([PYTHON, str(BENCH / "make-data.py"), *map(str, args)], check=True)


def inputs(rows, features, seed=1, unit=False, fmt=None):
    """Path of a generated input file (made when missing); fmt defaults to $INPUT_FORMAT or xlsx."""
    fmt = fmt or os.environ.get("INPUT_FORMAT", "xlsx")
    stem = DATA / f"rows-{rows}x{features}-s{seed}"
    make_data("inputs", "--rows", rows, "--features", features, "--seed", seed, "--formats", fmt,
              "--out", stem, *(["--unit"] if unit else []))
    return Path(f"{stem}.{fmt}")


def model(shape, activations, seed=2, init="glorot"):
    out = DATA / f"net-{'-'.join(map(str, shape))}-{'-'.join(activations)}-{init}-s{seed}.xlsx"
    make_data("model", "--shape", ",".join(map(str, shape)), "--activations", ",".join(activations),
              "--init", init, "--seed", seed, "--out", out)
    return out


def build_sheetnet():
    """Builds the jar when needed (outside any timing) and returns its path."""
    subprocess.run([str(ROOT / "sheetnet"), "--version"], check=True, stdout=subprocess.DEVNULL)
    return ROOT / "target" / "sheetnet.jar"


def sheetnet(model_path, input_path, out):
    return [str(ROOT / "sheetnet"), "score", str(model_path), "--input", str(input_path),
            "--out", str(out), "--force", "--quiet"]


def peer(engine, model_path, input_path, out):
    return [PYTHON, str(BENCH / "peer_pandas.py"), str(model_path), "--input", str(input_path),
            "--out", str(out), "--engine", engine]


class Run:
    """The runs of one command: wall seconds and peak RSS (KB) of each, and how it ended."""

    def __init__(self, name):
        self.name = name
        self.seconds = []
        self.rss_kb = []
        self.status = "ok"
        self.stdout = []

    @property
    def ok(self):
        return self.status == "ok"

    def median(self):
        return statistics.median(self.seconds) if self.seconds else None

    def median_rss_mb(self):
        return statistics.median(self.rss_kb) / 1024 if self.rss_kb else None


def _group_rss_kb(pgid):
    """Resident memory of every process in process group pgid, in KB (from /proc)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid:  # field 5 of stat, pgrp
                total += int(fields[21]) * resource.getpagesize() // 1024  # field 24, rss in pages
        except (OSError, IndexError, ValueError):
            pass
    return total


def run_once(run, argv, env=None, timeout=None, mem_limit_gb=None):
    """Runs argv once under /usr/bin/time; appends its wall time and peak RSS to run."""
    WORK.mkdir(parents=True, exist_ok=True)
    log = WORK / "logs" / (re.sub(r"[^A-Za-z0-9_.-]+", "_", run.name) + ".log")
    log.parent.mkdir(exist_ok=True)
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss, open(log, "a") as err, \
            tempfile.TemporaryFile("w+") as out:
        err.write(f"$ {' '.join(argv)}\n")
        err.flush()
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss.name, *argv]
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, env={**os.environ, **(env or {})}, stdout=out, stderr=err,
                             start_new_session=True)
        # Watch the run: stop it at the timeout, or when its resident memory passes the limit.
        rc, seen_kb = None, 0
        while rc is None:
            try:
                rc = p.wait(timeout=0.25)
            except subprocess.TimeoutExpired:
                elapsed = time.perf_counter() - t0
                if mem_limit_gb:
                    seen_kb = max(seen_kb, _group_rss_kb(p.pid))
                if timeout and elapsed > timeout:
                    run.status = f"timed out after {timeout:.0f} s"
                elif mem_limit_gb and seen_kb > mem_limit_gb * 2**20:
                    run.status = (f"stopped at {elapsed:.0f} s: resident memory passed the "
                                  f"{mem_limit_gb:g} GB limit (PEER_MEM_LIMIT_GB)")
                else:
                    continue
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
                return
        seconds = time.perf_counter() - t0
        numbers = [int(line) for line in open(rss.name).read().split() if line.isdigit()]
        out.seek(0)
        run.stdout.append(out.read())
    if rc != 0:
        tail = log.read_text(errors="replace")[-4000:]
        if "MemoryError" in tail or "OutOfMemoryError" in tail or "Cannot allocate memory" in tail:
            why = "out of memory"
        else:
            why = f"failed, exit {rc}"
        run.status = f"{why} after {seconds:.0f} s; peak RSS {numbers[-1] / 1024:.0f} MB" if numbers else why
        run.status += f"; see {log}"
        return
    run.seconds.append(seconds)
    if numbers:
        run.rss_kb.append(numbers[-1])


def measure(commands, repeats, timeout=None, mem_limit_gb=None, only_once=()):
    """Runs each command `repeats` times, interleaved; commands: name -> (argv, env or None).

    Commands named in only_once run a single time. A command not starting with ./sheetnet or
    java (those are bounded by -Xmx) is stopped when its resident memory passes mem_limit_gb.
    """
    runs = {name: Run(name) for name in commands}
    names = list(commands)
    for rep in range(repeats):
        order = names[rep % len(names):] + names[:rep % len(names)]
        for name in order:
            run = runs[name]
            if not run.ok or (name in only_once and run.seconds):
                continue
            argv, env = commands[name]
            jvm = argv[0].endswith("sheetnet") or argv[0] == "java"
            print(f"  [{rep + 1}/{repeats}] {name}", file=sys.stderr, flush=True)
            run_once(run, argv, env, timeout, None if jvm else mem_limit_gb)
    return runs


def count_cells(xlsx):
    """Number of cells (<c> elements) in every worksheet of an .xlsx file, read as a stream."""
    total = 0
    with zipfile.ZipFile(xlsx) as z:
        for info in z.infolist():
            if not info.filename.startswith("xl/worksheets/sheet"):
                continue
            tail = b""
            with z.open(info) as f:
                while chunk := f.read(1 << 22):
                    block = tail + chunk
                    # the 2 bytes kept from the previous block hold no whole 3-byte match
                    total += block.count(b"<c ") + block.count(b"<c>")
                    tail = block[-2:]
    return total


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, int) or (isinstance(x, float) and x >= 1000):
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def runs_table(runs, reference, extra=None):
    """Markdown table of medians, with each command's time as a ratio to `reference`'s."""
    ref = runs[reference].median()
    header = ["command", "runs", "median wall s", "min s", "max s", "median peak RSS MB", f"time / {reference}"]
    if extra:
        header.append(extra[0])
    rows = []
    for run in runs.values():
        m = run.median()
        row = [run.name, len(run.seconds), fmt(m), fmt(min(run.seconds) if run.seconds else None),
               fmt(max(run.seconds) if run.seconds else None), fmt(run.median_rss_mb(), 0),
               fmt(m / ref, 1) + "×" if m and ref else "–"]
        if extra:
            row.append(extra[1](run))
        if not run.ok:
            row[0] += f" — **{run.status}**"
        rows.append(row)
    return table(header, rows)


def environment():
    """One line naming the machine and the tools, to go with every table."""
    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stderr.splitlines()[0]
        except Exception:
            return "?"
    import numpy
    import pandas
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    return (f"{platform.node()}, {os.cpu_count()} CPUs, {_mem_gb():.0f} GB; {out(['java', '-version'])}; "
            f"Python {platform.python_version()}, pandas {pandas.__version__}, numpy {numpy.__version__}; "
            f"sheetnet {commit}; {time.strftime('%Y-%m-%d %H:%M')}{' (QUICK=1)' if QUICK else ''}")


def _mem_gb():
    with open("/proc/meminfo") as f:
        return int(f.readline().split()[1]) / 2**20


def default_peer_mem_limit_gb():
    """Resident-memory limit of the peers: $PEER_MEM_LIMIT_GB, else 3/4 of this machine's memory."""
    value = os.environ.get("PEER_MEM_LIMIT_GB")
    return float(value) if value else round(_mem_gb() * 0.75)


def json_from(text):
    """The last JSON object printed, one per line, in a command's stdout."""
    for line in reversed(text.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return None
