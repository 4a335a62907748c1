#!/usr/bin/env python3
"""A model workbook with one wide layer (default 784x500 weights, sigmoid), written with the
standard library only (zipfile), to time how long sheetnet takes to read a big weights sheet:

    python3 bench/wide_model.py /tmp/w784x500.xlsx [N_IN N_OUT]
    /usr/bin/time -v java -jar target/sheetnet.jar check /tmp/w784x500.xlsx
"""
import random
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(r, c, v):
    ref = f"{col(c)}{r + 1}"
    if isinstance(v, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
    return f'<c r="{ref}"><v>{v!r}</v></c>'


def sheet(rows):
    body = "".join(f'<row r="{i + 1}">' + "".join(cell(i, j, v) for j, v in enumerate(row)) + "</row>"
                   for i, row in enumerate(rows))
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{body}</sheetData></worksheet>'


def main():
    out = sys.argv[1]
    n_in, n_out = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (784, 500)
    rnd = random.Random(2)
    sheets = {
        "Model": [["layer", "weights", "bias", "activation"], ["hidden", "W1", "b1", "sigmoid"]],
        "W1": [["input"] + [f"h{j + 1}" for j in range(n_out)]]
              + [[f"x{i + 1}"] + [round(rnd.gauss(0, 0.01), 6) for _ in range(n_out)] for i in range(n_in)],
        "b1": [[f"h{j + 1}" for j in range(n_out)], [0.0] * n_out],
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
                   'formats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/>' + "".join(
                       f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxml'
                       f'formats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
                   + "</Types>")
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
                   f'Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {NS} xmlns:r="{REL}"><sheets>' + "".join(
            f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(sheets))
            + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships">' + "".join(
                       f'<Relationship Id="rId{i + 1}" Type="{REL}/worksheet" Target="worksheets/sheet{i + 1}.xml"/>'
                       for i in range(len(sheets))) + "</Relationships>")
        for i, rows in enumerate(sheets.values()):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", sheet(rows))


if __name__ == "__main__":
    main()
