package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ONNX fixtures gathered in {@code shared/onnx} beside the checkout (models exported by PyTorch,
 * skl2onnx, tf2onnx and keras2onnx, and the ONNX project's operator tests; see their README). They are
 * read by path, never copied into the repository. Where the folder is missing the tests that need it are
 * skipped, unless {@value #REQUIRE}=1 (set by {@code .ci/run}) makes them fail.
 */
public final class OnnxFixtures {

    /** The environment variable that turns missing fixtures into a failure. */
    public static final String REQUIRE = "SHEETNET_REQUIRE_ONNX_FIXTURES";

    /** A system property or environment variable naming the fixture folder directly. */
    public static final String LOCATION = "SHEETNET_ONNX_FIXTURES";

    private OnnxFixtures() {
    }

    /** The {@code shared/onnx} folder: named by {@value #LOCATION}, else found walking up from the working folder. */
    public static Path root() {
        String named = System.getProperty(LOCATION, System.getenv(LOCATION));
        if (named != null && Files.isDirectory(Path.of(named))) {
            return Path.of(named);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("onnx");
            if (Files.isRegularFile(candidate.resolve("README.md")) && Files.isDirectory(candidate.resolve("models"))) {
                return candidate;
            }
        }
        String message = "the ONNX fixtures (shared/onnx beside the checkout) are not there";
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(message + " (" + REQUIRE + "=1 requires them)");
        }
        assumeTrue(false, message + "; skipped (set " + REQUIRE + "=1 to fail instead)");
        throw new IllegalStateException("unreachable");
    }
}
