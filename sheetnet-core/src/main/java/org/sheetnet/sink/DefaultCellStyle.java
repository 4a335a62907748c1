package org.sheetnet.sink;

import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

/**
 * Gives a POI workbook the named cell style "Normal" ({@code <cellStyles>} in styles.xml), which Excel
 * writes in every workbook and POI does not: without it openpyxl warns "Workbook contains no default
 * style" on every file. Written with an XML cursor, as POI's slim schema jar has no type for it.
 */
public final class DefaultCellStyle {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // The children of <styleSheet> that come before <cellStyles>, in the schema's order.
    private static final Set<String> BEFORE = Set.of("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs");

    private DefaultCellStyle() {
    }

    /**
     * Adds {@code <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>}
     * unless the workbook has cell styles already.
     *
     * @param workbook a workbook being written; modified
     */
    public static void addTo(XSSFWorkbook workbook) {
        try (XmlCursor cursor = workbook.getStylesSource().getCTStylesheet().newCursor()) {
            boolean child = cursor.toFirstChild();
            while (child && BEFORE.contains(cursor.getName().getLocalPart())) {
                child = cursor.toNextSibling();
            }
            if (child && "cellStyles".equals(cursor.getName().getLocalPart())) {
                return;
            }
            if (!child) {
                // Still on <styleSheet> (a failed move stays put); insert as its last child.
                cursor.toEndToken();
            }
            cursor.beginElement(new QName(MAIN, "cellStyles"));
            cursor.insertAttributeWithValue("count", "1");
            cursor.beginElement(new QName(MAIN, "cellStyle"));
            cursor.insertAttributeWithValue("name", "Normal");
            cursor.insertAttributeWithValue("xfId", "0");
            cursor.insertAttributeWithValue("builtinId", "0");
        }
    }
}
