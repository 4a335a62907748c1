package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything under a folder: each file's SHA-256, each folder, each symbolic link's target, by
 * relative path; for asserting that a run touched nothing but what it should.
 */
public final class FolderSnapshot {

    private FolderSnapshot() {
    }

    /** The snapshot of {@code root} (links are not followed). */
    public static Map<String, String> of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    entries.put(key, "link to " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    entries.put(key, "folder");
                } else {
                    entries.put(key, sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** Asserts that a folder is as it was: nothing written, changed or left behind. */
    public static void assertUnchanged(Map<String, String> before, Path root, String what) {
        assertEquals(before, of(root), what + ": everything under " + root);
    }

    /** The SHA-256 of some bytes, in hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
