#!/usr/bin/env python3
"""Case 1: 100,000 rows x 4 features through 4->20->10->1, all layer sheets written.

sheetnet against pandas + numpy + openpyxl and pandas + numpy + xlsxwriter, interleaved:
median wall time, median peak RSS, their ratios, and written cells per second (cells in all
sheets of the output, counted in the file, / median wall time).

Settings (environment): ROWS (100000), REPEATS (5), ACTIVATION (relu: relu,relu,linear; or
linear), INPUT_FORMAT (xlsx or csv), PEER_TIMEOUT seconds (3600), QUICK=1 (2,000 rows, 2 repeats).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

common.ensure_python()


def main():
    rows = common.setting("ROWS", 100_000, 2_000)
    repeats = common.setting("REPEATS", 5, 2)
    timeout = common.setting("PEER_TIMEOUT", 3600, 300)
    act = os.environ.get("ACTIVATION", "relu")
    acts = [act, act, "linear"]
    common.build_sheetnet()
    net = common.model([4, 20, 10, 1], acts)
    data = common.inputs(rows, 4)
    out = common.WORK / "case1"
    out.mkdir(parents=True, exist_ok=True)
    commands = {
        "sheetnet": (common.sheetnet(net, data, out / "sheetnet.xlsx"), None),
        "pandas+openpyxl": (common.peer("openpyxl", net, data, out / "openpyxl.xlsx"), None),
        "pandas+xlsxwriter": (common.peer("xlsxwriter", net, data, out / "xlsxwriter.xlsx"), None),
    }
    runs = common.measure(commands, repeats, timeout, common.default_peer_mem_limit_gb())
    files = {"sheetnet": "sheetnet.xlsx", "pandas+openpyxl": "openpyxl.xlsx", "pandas+xlsxwriter": "xlsxwriter.xlsx"}
    cells = {name: common.count_cells(out / f) for name, f in files.items() if runs[name].ok}

    def cells_per_s(run):
        return common.fmt(cells[run.name] / run.median()) if run.ok else "–"

    print(f"\n### Case 1: {rows:,} rows × 4 features → 4→20→10→1 ({','.join(acts)}), all layer sheets\n")
    print(f"Input {data.name}; {common.environment()}\n")
    print(common.runs_table(runs, "sheetnet", ("written cells/s", cells_per_s)))
    print()
    s = runs["sheetnet"]
    if s.ok:
        print(f"- sheetnet wrote {cells['sheetnet']:,} cells (all sheets, model copies and Audit included); "
              f"the peers {cells.get('pandas+openpyxl', cells.get('pandas+xlsxwriter', 0)):,} "
              f"(no model copies, no Audit).")
        for name, target in (("pandas+openpyxl", 10), ("pandas+xlsxwriter", 3)):
            p = runs[name]
            if p.ok:
                r = p.median() / s.median()
                print(f"- {name} / sheetnet: **{r:.1f}×** (target ≥ {target}×: {'met' if r >= target else 'missed'})")
        c = cells["sheetnet"] / s.median()
        print(f"- sheetnet end to end: **{c:,.0f} cells/s** (target ≥ 1,000,000: {'met' if c >= 1e6 else 'missed'})")


if __name__ == "__main__":
    main()
