#!/usr/bin/env python3
"""Case 2: 1,000,000 rows through 4->20->10->1, all layer sheets, sheetnet in bounded memory.

sheetnet runs with JAVA_OPTS=-Xmx256m (REPEATS times); each peer runs once, with a timeout
and a resident-memory limit (so that it cannot take the shared machine's memory), and the
table says whether it finished, timed out or ran out of memory.

Settings (environment): ROWS (1000000), REPEATS (3), CASE2_JAVA_OPTS (-Xmx256m), ACTIVATION
(relu), INPUT_FORMAT (xlsx or csv), PEER_TIMEOUT seconds (900), PEER_MEM_LIMIT_GB (3/4 of
RAM), PEERS=0 to skip the peers, QUICK=1 (20,000 rows, 1 repeat, 300 s timeout).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

common.ensure_python()


def main():
    rows = common.setting("ROWS", 1_000_000, 20_000)
    repeats = common.setting("REPEATS", 3, 1)
    timeout = common.setting("PEER_TIMEOUT", 900, 300)
    java_opts = os.environ.get("CASE2_JAVA_OPTS", "-Xmx256m")
    mem_limit = common.default_peer_mem_limit_gb()
    act = os.environ.get("ACTIVATION", "relu")
    acts = [act, act, "linear"]
    common.build_sheetnet()
    net = common.model([4, 20, 10, 1], acts)
    data = common.inputs(rows, 4)
    out = common.WORK / "case2"
    out.mkdir(parents=True, exist_ok=True)
    commands = {f"sheetnet {java_opts}": (common.sheetnet(net, data, out / "sheetnet.xlsx"), {"JAVA_OPTS": java_opts})}
    if os.environ.get("PEERS", "1") != "0":
        commands["pandas+openpyxl"] = (common.peer("openpyxl", net, data, out / "openpyxl.xlsx"), None)
        commands["pandas+xlsxwriter"] = (common.peer("xlsxwriter", net, data, out / "xlsxwriter.xlsx"), None)
    peers = [n for n in commands if n.startswith("pandas")]
    runs = common.measure(commands, repeats, timeout, mem_limit, only_once=peers)
    ref = f"sheetnet {java_opts}"
    cells = common.count_cells(out / "sheetnet.xlsx") if runs[ref].ok else None

    def cells_per_s(run):
        return common.fmt(cells / run.median()) if run.ok and run.name == ref else "–"

    print(f"\n### Case 2: {rows:,} rows × 4 features → 4→20→10→1 ({','.join(acts)}), all layer sheets, "
          f"sheetnet with {java_opts}\n")
    print(f"Input {data.name}; peers run once, timeout {timeout} s, stopped above {mem_limit:g} GB resident; "
          f"{common.environment()}\n")
    print(common.runs_table(runs, ref, ("written cells/s", cells_per_s)))
    print()
    if runs[ref].ok:
        print(f"- sheetnet finished with {java_opts}: {cells:,} cells, peak RSS {runs[ref].median_rss_mb():.0f} MB "
              f"(the JVM's heap, code and native buffers).")
    else:
        print(f"- sheetnet did **not** finish with {java_opts}: {runs[ref].status}")
    for name in peers:
        run = runs[name]
        if run.ok:
            print(f"- {name}: finished in {run.median():.0f} s, {run.median() / runs[ref].median():.1f}× sheetnet's "
                  f"time, peak RSS {run.median_rss_mb():,.0f} MB" if runs[ref].ok else f"- {name}: finished")
        else:
            print(f"- {name}: {run.status}")


if __name__ == "__main__":
    main()
