package org.sheetnet.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.sheetnet.SheetnetException;

/** The one-line message for an output that cannot be written, naming the output, not a temporary file. */
public final class OutputErrors {

    private OutputErrors() {
    }

    /**
     * An OUTPUT problem for a failed write.
     *
     * @param output the output as the user named it
     * @param cause  an {@link IOException}, or an {@link UncheckedIOException} wrapping one
     */
    public static SheetnetException cannotWrite(Object output, Exception cause) {
        return new SheetnetException(SheetnetException.Problem.OUTPUT, output + ": cannot be written: " + reason(cause),
                cause);
    }

    /** The operating system's reason ("No space left on device"), without the temporary file's name. */
    static String reason(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
