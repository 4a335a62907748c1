package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sheetnet.testing.Cli.assertContains;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.SheetnetException;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;
import org.sheetnet.testing.HandXlsx;

/**
 * A workbook must not read local files or reach the network. Each case puts a DOCTYPE declaring an
 * external entity on a secret file (referenced in a cell's {@code <v>}, an inline string, a shared
 * string, an attribute) and a parameter entity fetching a DTD from a server this test listens on,
 * into one part of a workbook, and runs it through {@code score --input}, as the model, and through
 * {@code verify}. Every run must end with one line refusing the DOCTYPE, the secret nowhere in what
 * it printed, nothing written, and no connection made to the server.
 */
class XxeTest {

    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path dir;

    private ServerSocket server;
    private Path secret;
    private Path in;
    private Path out;

    /** Where the DOCTYPE goes, and the part the refusal must name. */
    enum Place {
        SHEET_VALUE, INLINE_STRING, SHARED_STRINGS, WORKBOOK, CONTENT_TYPES
    }

    /** How the hostile workbook is read. */
    enum Route {
        SCORE_INPUT, SCORE_MODEL, VERIFY
    }

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        in = Files.createDirectories(dir.resolve("in"));
        out = Files.createDirectories(dir.resolve("out"));
    }

    @AfterEach
    void noConnection() throws IOException {
        try {
            server.setSoTimeout(300);
            try (Socket s = server.accept()) {
                throw new AssertionError("sheetnet connected to the test's server from " + s.getRemoteSocketAddress());
            } catch (SocketTimeoutException expected) {
                // No connection: the DTD was never fetched.
            }
        } finally {
            server.close();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(Route.values()).flatMap(r -> Stream.of(Place.values()).map(p -> Arguments.of(r, p)));
    }

    @ParameterizedTest(name = "{0}, DOCTYPE in {1}")
    @MethodSource("cases")
    void aDoctypeIsRefusedWithoutReadingTheFileOrTheNetwork(Route route, Place place) throws IOException {
        // The poisoned sheet: the inputs for --input, W1 when the workbook is the model.
        String sheet = route == Route.SCORE_INPUT ? "Inputs" : "W1";
        Path hostile = hostile(in.resolve("hostile.xlsx"), sheet, place);
        Path model = route == Route.SCORE_INPUT
                ? HandXlsx.smallModel(Map.of()).write(in.resolve("model.xlsx")) : hostile;
        Map<String, String> before = FolderSnapshot.of(dir);
        Cli.Run run = switch (route) {
            case SCORE_INPUT -> Cli.run("score", model.toString(), "--input", hostile.toString(), "--input-sheet",
                    "Inputs", "--out", out.resolve("scored.xlsx").toString());
            case SCORE_MODEL -> Cli.run("score", model.toString(), "--out", out.resolve("scored.xlsx").toString());
            case VERIFY -> Cli.run("verify", hostile.toString());
        };
        assertEquals(ExitCodes.FILE, run.exit(), () -> "exit code; stderr: " + run.stderr());
        String message = run.oneLine();
        assertContains(message, "hostile.xlsx: " + part(place, route), "holds a DOCTYPE; sheetnet refuses DTDs");
        assertFalse(run.stdout().contains(SECRET) || run.stderr().contains(SECRET), "the secret was printed");
        FolderSnapshot.assertUnchanged(before, dir, "after a refused run");
    }

    @Test
    void theStaxReaderItselfRefusesADtdEvenWithoutTheByteGuard() {
        String xml = HandXlsx.withDoctype("<?xml version=\"1.0\"?><r><v>&xxe;</v></r>", doctype());
        SheetnetException e = assertThrows(SheetnetException.class, () -> {
            var reader = SafeXml.stax(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "f.xlsx", "p.xml");
            while (reader.hasNext()) {
                reader.next();
            }
        });
        assertEquals("f.xlsx: p.xml holds a DOCTYPE; sheetnet refuses DTDs in workbooks (they can read local files or"
                + " reach the network)", e.getMessage(), "message");
    }

    private String doctype() {
        return "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY % remote SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd\"> %remote;]>";
    }

    private static String part(Place place, Route route) {
        return switch (place) {
            case SHEET_VALUE, INLINE_STRING -> HandXlsx.sheetPart(route == Route.SCORE_INPUT ? 4 : 2);
            case SHARED_STRINGS -> "xl/sharedStrings.xml";
            case WORKBOOK -> "xl/workbook.xml";
            case CONTENT_TYPES -> "[Content_Types].xml";
        };
    }

    // The small model with a DOCTYPE in one part; the poisoned sheet's first header cell refers to it.
    private Path hostile(Path file, String sheet, Place place) throws IOException {
        Object[][] rows = sheet.equals("Inputs") ? HandXlsx.INPUTS : HandXlsx.W1;
        String clean = HandXlsx.sheetXml(rows);
        String poisoned = switch (place) {
            case SHEET_VALUE -> HandXlsx.withDoctype(clean.replace("<v>0.5</v>", "<v>&xxe;</v>")
                    .replace("<v>1.0</v>", "<v>&xxe;</v>"), doctype());
            case INLINE_STRING -> HandXlsx.withDoctype(clean.replaceFirst("<t>[^<]*</t>", "<t>&xxe;</t>"), doctype());
            case SHARED_STRINGS -> clean.replaceFirst("t=\"inlineStr\"><is><t>[^<]*</t></is>", "t=\"s\"><v>0</v>");
            default -> clean;
        };
        HandXlsx x = HandXlsx.smallModel(Map.of(sheet, poisoned));
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        if (place == Place.SHARED_STRINGS) {
            x.part("xl/sharedStrings.xml", HandXlsx.withDoctype(head + "<sst xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>", doctype()));
        } else if (place == Place.WORKBOOK) {
            x.part("xl/workbook.xml", HandXlsx.withDoctype(head + "<workbook xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships\"><sheets><sheet name=\"&xxe;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                    doctype()));
        } else if (place == Place.CONTENT_TYPES) {
            x.part("[Content_Types].xml", HandXlsx.withDoctype(head + "<Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Default Extension=\"&xxe;\" ContentType=\"application/xml\"/>"
                    + "</Types>", doctype()));
        }
        return x.write(file);
    }
}
