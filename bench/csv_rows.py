#!/usr/bin/env python3
"""Input rows as a CSV file, standard library only, for timing `score --input ROWS.csv`:

    python3 bench/csv_rows.py /tmp/rows.csv 1000000 4                 # x1..x4 uniform in [0, 10), 4 decimals
    python3 bench/csv_rows.py /tmp/wide.csv 20000 784 --unit          # pixel-like: [0, 1), 3 decimals
    python3 bench/csv_rows.py /tmp/rows-de.csv 1000000 4 --locale de  # as a German Excel saves it: ';' and ','

The numbers are the same for the same rows, columns and seed whatever the locale, so an English
and a German file can be scored side by side and their outputs compared.
"""
import argparse
import random


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("rows", type=int)
    p.add_argument("cols", type=int)
    p.add_argument("--unit", action="store_true", help="values in [0, 1) with 3 decimals")
    p.add_argument("--locale", choices=["en", "de"], default="en")
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    scale, decimals = (1.0, 3) if a.unit else (10.0, 4)
    sep, mark = (",", ".") if a.locale == "en" else (";", ",")
    with open(a.out, "w", newline="") as f:
        f.write(sep.join(f"x{j + 1}" for j in range(a.cols)) + "\r\n")
        for _ in range(a.rows):
            row = (f"{rnd.random() * scale:.{decimals}f}" for _ in range(a.cols))
            f.write(sep.join(v.replace(".", mark) for v in row) + "\r\n")


if __name__ == "__main__":
    main()
