package org.sheetnet.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;

/**
 * SHA-256 of files, now and on a thread of its own, against FIPS 180-2's own examples; a file that
 * cannot be read is reported when the digest is asked for; a pipe is never read by the digest first.
 */
class Sha256Test {

    // FIPS 180-2, appendix B.1 and B.2.
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final String TWO_BLOCKS = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

    @TempDir
    Path dir;

    @Test
    void digestsAFileNowAndBesideTheWork() throws Exception {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        Path two = Files.writeString(dir.resolve("two.txt"),
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", StandardCharsets.US_ASCII);
        assertEquals(ABC, Sha256.of(abc), "one block, now");
        assertEquals(ABC, Sha256.later(abc).get(), "one block, on its own thread");
        assertEquals(TWO_BLOCKS, Sha256.of(two), "two blocks, now");
        assertEquals(TWO_BLOCKS, Sha256.later(two).get(), "two blocks, on its own thread");
    }

    @Test
    void aFileThatCannotBeReadIsReportedWhenTheDigestIsAsked() {
        Supplier<String> missing = Sha256.later(dir.resolve("missing.csv"));
        SheetnetException e = assertThrows(SheetnetException.class, missing::get, "a missing file");
        assertTrue(e.getMessage().contains("missing.csv: cannot be read"), e.getMessage());
    }

    @Test
    void aPipeIsLeftToItsReader() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "mkfifo makes a named pipe");
        Path pipe = dir.resolve("rows.csv");
        assertEquals(0, new ProcessBuilder("/usr/bin/mkfifo", pipe.toString()).start().waitFor(), "mkfifo");
        Sha256.later(pipe);
        // Were the digest reading the pipe too, it would take the bytes from the reader (sometimes).
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(pipe, "x,y\n1,2\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        assertEquals("x,y\n1,2\n", Files.readString(pipe), "what the reader of the pipe got");
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
