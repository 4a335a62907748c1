package org.sheetnet.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.sheetnet.SheetnetException;

/** SHA-256 digests of files, in lower-case hex, for the Audit sheet. */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of a file's bytes. */
    public static String of(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStreamSink.INSTANCE);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the SHA-256 of a regular file on a thread of its own and returns what waits for it: for
     * a digest the Audit needs later, read beside the work (on a core that is often idle while a
     * model or the first rows are read) instead of in its path. Anything but a regular file (a pipe
     * would give its bytes to the digest instead of to the reader) is digested when asked, on the
     * asking thread. A file that cannot be read is reported when asked, as {@link #of(Path)} does.
     */
    public static Supplier<String> later(Path file) {
        if (!Files.isRegularFile(file)) {
            return () -> of(file);
        }
        FutureTask<String> task = new FutureTask<>(() -> of(file));
        Thread thread = new Thread(task, "sheetnet-sha256");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SheetnetException.file(file + ": interrupted while its SHA-256 was taken", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Discards what is written to it. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
