package org.sheetnet.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV file opened for a reader of whole records (the parameter files of a CSV model folder): its
 * decoded text with the byte-order mark dropped, and its separator, each told as {@link CsvRowSource}
 * tells them or given.
 *
 * @param text        the text, to be closed by the caller
 * @param separator   the field separator
 * @param description for messages and summaries: {@code UTF-8; separator ';' (detected)}
 */
public record CsvFile(Reader text, char separator, String description) {

    /**
     * Opens a file.
     *
     * @param settings a separator given, or empty to detect it
     * @throws IOException if it cannot be read
     * @throws org.sheetnet.SheetnetException (INPUT) if two separators fit equally well
     */
    public static CsvFile open(Path file, CsvSettings settings) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(Files.newInputStream(file), CsvEncoding.PEEK);
        try {
            CsvEncoding encoding = CsvEncoding.detect(bytes);
            BufferedReader text = new BufferedReader(encoding.reader(bytes), CsvEncoding.PEEK);
            text.mark(CsvEncoding.PEEK + 1);
            char[] head = new char[CsvEncoding.PEEK];
            int n = 0;
            int k;
            while (n < head.length && (k = text.read(head, n, head.length - n)) >= 0) {
                n += k;
            }
            boolean whole = n < head.length || text.read() < 0;
            text.reset();
            String name = file.getFileName().toString();
            String start = new String(head, 0, n);
            char separator = settings.separator().orElseGet(() -> CsvSeparator.detect(start, whole, name));
            return new CsvFile(text, separator, encoding.description() + "; separator " + CsvSeparator.name(separator)
                    + (settings.separator().isPresent() ? " (--csv-separator)" : " (detected)"));
        } catch (IOException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }
}
