#!/usr/bin/env bash
# Renders the Evaluation sheet of an evaluated example as the picture in README.md:
# scores the sine example against its sin(x) column, converts the output workbook to PDF with
# LibreOffice headless (its own chart engine draws the native chart from the cells), and turns the
# Evaluation page into docs/evaluation-sine.png with pdftoppm (Debian: apt-get install poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./sheetnet score workbooks/sine-1-20-1.xlsx --target 'sin(x)' --out "$tmp/sine-evaluated.xlsx" -q
soffice "-env:UserInstallation=file://$tmp/profile" --headless --norestore --convert-to pdf \
    --outdir "$tmp" "$tmp/sine-evaluated.xlsx" >/dev/null
pdf="$tmp/sine-evaluated.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" "$pdf" - | grep -q '^metric'; then
        # 100 dpi; the top 620 pixels of the A4 page hold the table and the chart.
        pdftoppm -f "$p" -l "$p" -r 100 -x 0 -y 0 -W 827 -H 620 -png -singlefile "$pdf" docs/evaluation-sine
        cp "$pdf" "${SHEETNET_PDF_DIR:-$tmp}/" 2>/dev/null || true
        echo "page $p of $(basename "$pdf") -> docs/evaluation-sine.png"
        exit 0
    fi
done
echo "render-evaluation.sh: no page of $pdf holds the Evaluation sheet" >&2
exit 1
