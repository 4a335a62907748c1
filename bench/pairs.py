#!/usr/bin/env python3
"""Whole commands in turn (A B A B, the order rotated each round), under GNU /usr/bin/time: median
wall, CPU (user + sys) and peak RSS per command, and each command's pair-by-pair ratios to the first.

    python3 bench/pairs.py N label1 'command 1' label2 'command 2' ...
"""
import statistics
import subprocess
import sys
n=int(sys.argv[1]); items=list(zip(sys.argv[2::2], sys.argv[3::2]))
res={l:[] for l,_ in items}
for r in range(n):
    order = items if r%2==0 else items[::-1]
    for label,cmd in order:
        out=subprocess.run(["/usr/bin/time","-f","TIME %e %U %S %M","bash","-c",cmd],capture_output=True,text=True)
        line=[l for l in out.stderr.splitlines() if l.startswith("TIME")][-1].split()
        e,u,s,m=float(line[1]),float(line[2]),float(line[3]),int(line[4])
        other=[l for l in out.stderr.splitlines() if not l.startswith("TIME")]
        res[label].append((e,u+s,m/1024))
        print(f"{label} run{r}: wall {e:.2f} cpu {u+s:.2f} rss {m/1024:.0f} MiB rc={out.returncode} {other[:2]}",flush=True)
base=items[0][0]
for label,_ in items:
    w=statistics.median(x[0] for x in res[label]); c=statistics.median(x[1] for x in res[label]); m=statistics.median(x[2] for x in res[label])
    print(f"{label}: median wall {w:.2f} s, cpu {c:.2f} s, rss {m:.0f} MiB")
for label,_ in items[1:]:
    rw=[a[0]/max(b[0], 1e-3) for a,b in zip(res[label],res[base])]; rc=[a[1]/max(b[1], 1e-3) for a,b in zip(res[label],res[base])]
    print(f"{label}/{base}: wall ratio median {statistics.median(rw):.2f} ({min(rw):.2f}-{max(rw):.2f}), cpu ratio median {statistics.median(rc):.2f} ({min(rc):.2f}-{max(rc):.2f})")
