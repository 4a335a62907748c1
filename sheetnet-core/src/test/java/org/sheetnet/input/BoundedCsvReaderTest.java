package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;

/** The record limit follows records as Commons CSV parses them, with a limit of 10 characters. */
class BoundedCsvReaderTest {

    private static List<CSVRecord> parse(String text, int limit) throws IOException {
        return parse(text, limit, false);
    }

    private static List<CSVRecord> parse(String text, int limit, boolean ignoreSpaces) throws IOException {
        Reader reader = new BoundedCsvReader(new StringReader(text), "t.csv", ',', limit, ignoreSpaces);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(ignoreSpaces).get();
        try (CSVParser parser = format.parse(reader)) {
            return parser.getRecords();
        }
    }

    @Test
    void recordsUpToTheLimitPassWhateverTheirLineBreaks() throws IOException {
        // Each record holds at most 10 characters; the quoted line break and the escaped quote are inside one.
        List<CSVRecord> records = parse("a,b\r\n\"x\ny\",\"\"\"\"\r\n5\" tall,1\n", 10);
        assertEquals(3, records.size(), "records");
        assertEquals("x\ny", records.get(1).get(0), "line 2, field 1");
        assertEquals("\"", records.get(1).get(1), "line 2, field 2");
        assertEquals("5\" tall", records.get(2).get(0), "a quote inside an unquoted field is text");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldOpensNothing() throws IOException {
        // Were the quote taken as opening a field, the next 3 lines would be one record of 12 characters.
        assertEquals(4, parse("5\" x,1\nabc\nabc\nabc\n", 10).size(), "records");
    }

    @Test
    void aQuoteAfterBlanksOpensAFieldOnlyWhenTheParserIgnoresThem() throws IOException {
        // Without ignoring spaces, ' "x' is text; with it, a quoted field holding the next 3 line breaks.
        assertEquals(4, parse("a, \"x\nbc\nbc\nbc\n", 10, false).size(), "records, spaces kept");
        assertThrows(SheetnetException.class, () -> parse("a, \"x\nbc\nbc\nbc\n", 10, true), "spaces ignored");
        assertEquals(List.of("a", "x\nb"), parse("a, \"x\nb\"\n", 10, true).get(0).toList(), "quoted after a blank");
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineItOpened() {
        SheetnetException e = assertThrows(SheetnetException.class, () -> parse("a,b\nc,\"d\ne\nf\ng\nh\n", 8));
        assertEquals("t.csv: line 2: a record longer than 8 characters (the quote opened on line 2 never closes);"
                + " is this a CSV file?", e.getMessage(), "message");
        assertEquals(SheetnetException.Problem.FILE, e.problem(), "problem");
    }

    @Test
    void aLongLineIsRefusedNamingItsLine() {
        SheetnetException e = assertThrows(SheetnetException.class, () -> parse("a,b\r\n\r\n0123456789x\n", 10));
        assertEquals("t.csv: line 3: a record longer than 10 characters (no line break); is this a CSV file?",
                e.getMessage(), "message");
    }
}
