#!/usr/bin/env bash
# Renders the pages of issue 12's before/after pictures with LibreOffice headless (one page per sheet)
# and poppler: the Training history (History before) and Validation sheets of a trained regression,
# and the Evaluation sheet of a scored regression, from a given sheetnet jar.
#   docs/render-pictures.sh JAR LABEL    e.g. docs/render-pictures.sh target/sheetnet.jar after
# writes docs/pictures/{history,validation,evaluation}-LABEL.png. The "before" pictures were made with
# the jar built from main at 3e7d0cc.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(realpath "$1"); label=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# y = sin(x) on 60 points of [-3, 3]; the last fifth is held out.
awk 'BEGIN { print "x,y"; for (i = 0; i < 60; i++) { x = -3 + 6 * i / 59; printf "%.6f,%.6f\n", x, sin(x) } }' > "$tmp/sine.csv"
java -jar "$jar" train "$tmp/sine.csv" --layers 1,10,1 --epochs 200 --seed 1 --validation-split 0.2 \
    --optimizer adam --lr 0.02 -o "$tmp/train.xlsx" -q
java -jar "$jar" score workbooks/sine-1-20-1.xlsx --target 'sin(x)' --out "$tmp/score.xlsx" -q
soffice "-env:UserInstallation=file://$tmp/profile" --headless --norestore \
    --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
    --outdir "$tmp" "$tmp/train.xlsx" "$tmp/score.xlsx" >/dev/null
mkdir -p docs/pictures
# render PDF MARKER NAME WIDTH HEIGHT: the top-left WIDTH x HEIGHT pixels (at 60 dpi) of the page holding MARKER.
render() {
    local pdf=$1 marker=$2 name=$3 w=$4 h=$5
    local pages; pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    for p in $(seq 1 "$pages"); do
        # Text first, then grep: with pipefail, grep -q closing the pipe early would fail the test.
        local text; text=$(pdftotext -f "$p" -l "$p" "$pdf" -)
        if grep -qF "$marker" <<<"$text"; then
            pdftoppm -f "$p" -l "$p" -r 60 -x 0 -y 0 -W "$w" -H "$h" -png -singlefile "$pdf" "docs/pictures/$name-$label"
            echo "docs/pictures/$name-$label.png (page $p of $(basename "$pdf"))"
            return
        fi
    done
    echo "render-pictures.sh: no page of $pdf holds \"$marker\"" >&2
    exit 1
}
render "$tmp/train.pdf" "Loss by epoch" history 620 260
render "$tmp/train.pdf" "validation rows" validation 960 280
render "$tmp/score.pdf" "Predicted vs true" evaluation 620 400
