#!/usr/bin/env bash
# Rebuilds the type library of the cell functions, src/main/oxt/sheetnet.rdb, from XSheetnetFunctions.idl.
# Needs LibreOffice's SDK tools (Debian: apt-get install libreoffice-dev). Run it after changing the .idl, and
# change XSheetnetFunctions.java to match (javamaker -T org.sheetnet.calc.XSheetnetFunctions prints the same).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
program=/usr/lib/libreoffice/program
sdk=/usr/lib/libreoffice/sdk/bin
"$sdk/unoidl-write" "$program/types.rdb" "$program/types/offapi.rdb" "$here/XSheetnetFunctions.idl" \
    "$here/../oxt/sheetnet.rdb"
