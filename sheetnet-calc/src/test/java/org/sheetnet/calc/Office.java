package org.sheetnet.calc;

import com.sun.star.beans.PropertyValue;
import com.sun.star.bridge.UnoUrlResolver;
import com.sun.star.bridge.XUnoUrlResolver;
import com.sun.star.comp.helper.Bootstrap;
import com.sun.star.deployment.XExtensionManager;
import com.sun.star.deployment.XPackage;
import com.sun.star.frame.XComponentLoader;
import com.sun.star.frame.XDesktop;
import com.sun.star.lib.uno.helper.WeakBase;
import com.sun.star.task.XAbortChannel;
import com.sun.star.task.XInteractionApprove;
import com.sun.star.task.XInteractionContinuation;
import com.sun.star.task.XInteractionHandler;
import com.sun.star.task.XInteractionRequest;
import com.sun.star.ucb.XCommandEnvironment;
import com.sun.star.ucb.XProgressHandler;
import com.sun.star.uno.UnoRuntime;
import com.sun.star.uno.XComponentContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sheetnet.testing.LibreOffice;

/**
 * One headless LibreOffice for all the tests of a run (starting one takes seconds): a fresh user
 * profile in a temporary folder, sheetnet.oxt installed into it through the extension manager, then
 * LibreOffice started again so that it loads the extension's type library. Stopped when the JVM ends.
 */
final class Office {

    private static volatile Office shared;
    private static final List<Path> TEMPORARY = new java.util.ArrayList<>();

    static {
        // One hook, so that LibreOffice has quit before its profile is deleted.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Office office = shared;
            if (office != null) {
                office.stop();
            }
            deleteTemporaries();
        }));
    }

    private final Path profile;
    private Process process;
    private XComponentContext context;

    private Office(Path profile) {
        this.profile = profile;
    }

    /** The running office, started and given the extension on first use; skips or fails as LibreOffice.require. */
    static synchronized Office shared() throws Exception {
        if (shared == null) {
            Path soffice = LibreOffice.require();
            Path oxt = Path.of(System.getProperty("sheetnet.oxt", "sheetnet-calc/target/sheetnet.oxt"));
            if (!Files.isRegularFile(oxt)) {
                throw new AssertionError(oxt + " is missing; mvn package builds it");
            }
            Office office = new Office(temporaryFolder("sheetnet-calc-profile"));
            office.start(soffice);
            office.install(oxt);
            office.stop();
            office.start(soffice);
            shared = office;
        }
        return shared;
    }

    private void start(Path soffice) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = profile.resolve("soffice.log");
        process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--invisible", "--norestore", "--nologo", "--nodefault",
                "--accept=socket,host=127.0.0.1,port=" + port + ";urp;").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        XComponentContext local = Bootstrap.createInitialComponentContext(null);
        XUnoUrlResolver resolver = UnoUrlResolver.create(local);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LibreOffice.TIMEOUT_SECONDS);
        while (true) {
            try {
                Object remote = resolver.resolve("uno:socket,host=127.0.0.1,port=" + port
                        + ";urp;StarOffice.ComponentContext");
                context = UnoRuntime.queryInterface(XComponentContext.class, remote);
                return;
            } catch (com.sun.star.connection.NoConnectException e) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("LibreOffice did not accept a connection: " + Files.readString(log), e);
                }
                Thread.sleep(200);
            }
        }
    }

    private void install(Path oxt) throws Exception {
        XExtensionManager manager = UnoRuntime.queryInterface(XExtensionManager.class,
                context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager"));
        XAbortChannel abort = manager.createAbortChannel();
        XPackage installed = manager.addExtension(oxt.toAbsolutePath().toUri().toString(),
                new com.sun.star.beans.NamedValue[0], "user",
                abort, new Approving());
        if (installed == null) {
            throw new AssertionError("the extension manager did not install " + oxt);
        }
    }

    private synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            desktop().terminate();
        } catch (RuntimeException e) {
            // The connection ends as LibreOffice quits; it may report that as an error.
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    XComponentContext context() {
        return context;
    }

    XDesktop desktop() {
        try {
            return UnoRuntime.queryInterface(XDesktop.class,
                    context.getServiceManager().createInstanceWithContext("com.sun.star.frame.Desktop", context));
        } catch (com.sun.star.uno.Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a copy of a workbook (the original is never touched), hidden. */
    Calc open(Path workbook) throws IOException, com.sun.star.uno.Exception {
        Path dir = temporaryFolder("sheetnet-calc-doc");
        Path copy = dir.resolve(workbook.getFileName());
        Files.copy(workbook, copy);
        XComponentLoader loader = UnoRuntime.queryInterface(XComponentLoader.class, desktop());
        PropertyValue hidden = new PropertyValue();
        hidden.Name = "Hidden";
        hidden.Value = Boolean.TRUE;
        Object doc = loader.loadComponentFromURL(copy.toUri().toString(), "_blank", 0, new PropertyValue[] {hidden});
        return new Calc(this, doc, copy);
    }

    /** A new folder, deleted with everything in it when the tests' JVM ends. */
    static synchronized Path temporaryFolder(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        TEMPORARY.add(dir);
        return dir;
    }

    private static synchronized void deleteTemporaries() {
        for (Path dir : TEMPORARY) {
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Left for the system's temporary-file cleaning.
            }
        }
    }

    /** Says yes to whatever the extension manager asks (there is no licence to accept; it asks to go on). */
    private static final class Approving extends WeakBase
            implements XCommandEnvironment, XInteractionHandler, XProgressHandler {

        @Override
        public XInteractionHandler getInteractionHandler() {
            return this;
        }

        @Override
        public XProgressHandler getProgressHandler() {
            return this;
        }

        @Override
        public void handle(XInteractionRequest request) {
            for (XInteractionContinuation c : List.of(request.getContinuations())) {
                if (UnoRuntime.queryInterface(XInteractionApprove.class, c) != null) {
                    c.select();
                    return;
                }
            }
        }

        @Override
        public void push(Object status) {
        }

        @Override
        public void update(Object status) {
        }

        @Override
        public void pop() {
        }
    }
}
