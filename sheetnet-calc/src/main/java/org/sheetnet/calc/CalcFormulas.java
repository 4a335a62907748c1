package org.sheetnet.calc;

/**
 * Turns the Excel formulas sheetnet writes into the grammar {@code XCell.setFormula} takes (Calc's API
 * grammar: English function names, {@code ;} between arguments, {@code $Sheet.A1} references). The
 * function names sheetnet uses (MMULT, EXP, IF, MAX, INDEX, MATCH, …) are the same in both; what
 * differs is the sheet separator and the argument separator, changed here outside string literals.
 */
final class CalcFormulas {

    private CalcFormulas() {
    }

    /**
     * @param excel a formula without its leading {@code =}, e.g. {@code MMULT(L0_inputs!$B2:$C2,'W1'!$B$2:$B$3)}
     * @return the formula for {@code setFormula}, with its {@code =}, e.g.
     *         {@code =MMULT($L0_inputs.$B2:$C2;$'W1'.$B$2:$B$3)}
     */
    static String fromExcel(String excel) {
        StringBuilder out = new StringBuilder(excel.length() + 16).append('=');
        int i = 0;
        while (i < excel.length()) {
            char c = excel.charAt(i);
            if (c == '"') {
                int end = literalEnd(excel, i, '"');
                out.append(excel, i, end);
                i = end;
            } else if (c == '\'') {
                int end = literalEnd(excel, i, '\'');
                i = sheetOrText(excel, i, end, out);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < excel.length() && (Character.isLetterOrDigit(excel.charAt(end))
                        || excel.charAt(end) == '_' || excel.charAt(end) == '.')) {
                    end++;
                }
                i = sheetOrText(excel, i, end, out);
            } else {
                out.append(c == ',' ? ';' : c);
                i++;
            }
        }
        return out.toString();
    }

    // A name followed by '!' is a sheet: "$name." in Calc; anything else is copied as it is.
    private static int sheetOrText(String excel, int start, int end, StringBuilder out) {
        if (end < excel.length() && excel.charAt(end) == '!') {
            out.append('$').append(excel, start, end).append('.');
            return end + 1;
        }
        out.append(excel, start, end);
        return end;
    }

    // The index after a quoted literal starting at start; a doubled quote is one quote inside it.
    private static int literalEnd(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
