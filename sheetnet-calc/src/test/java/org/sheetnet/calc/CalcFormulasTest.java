package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Excel formulas sheetnet writes, in the grammar of Calc's XCell.setFormula (written out by hand). */
class CalcFormulasTest {

    @Test
    void sheetReferencesTakeCalcsDollarAndDotAndArgumentsItsSemicolon() {
        assertEquals("=MMULT($L0_inputs.$B2:$C2;$'W1'.$B$2:$B$3)+$'b1'.$A$2",
                CalcFormulas.fromExcel("MMULT(L0_inputs!$B2:$C2,'W1'!$B$2:$B$3)+'b1'!$A$2"), "pre-activation");
        assertEquals("=INDEX($L3_act.$B$1:$C$1;1;MATCH(MAX($L3_act.$B2:$C2);$L3_act.$B2:$C2;0))",
                CalcFormulas.fromExcel("INDEX(L3_act!$B$1:$C$1,1,MATCH(MAX(L3_act!$B2:$C2),L3_act!$B2:$C2,0))"),
                "predicted class");
    }

    @Test
    void quotedSheetNamesAndStringsKeepTheirCommasAndQuotes() {
        assertEquals("=IF($'my, ''data'''.A1>=0;\"a,b\";1E-05)",
                CalcFormulas.fromExcel("IF('my, ''data'''!A1>=0,\"a,b\",1E-05)"), "quoted sheet and text");
        assertEquals("=EXP(-$Inputs.B2)", CalcFormulas.fromExcel("EXP(-Inputs!B2)"), "plain name");
    }
}
