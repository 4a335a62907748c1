package org.sheetnet.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks an .xlsx against ECMA-376: every XML part against its schema (POI's full set of XMLBeans
 * schema types, poi-ooxml-full, loaded in a class loader of its own from {@value #SCHEMAS}), and the
 * package rules XMLBeans has no schema for: every part has a content type, every relationship's target
 * exists. A part whose root element has no schema is an error too, unless it is one of the few parts
 * ECMA-376 does not describe in those schemas (the Dublin Core properties, VML).
 */
public final class OoxmlValidator {

    /** The system property naming the poi-ooxml-full jar (set by sheetnet-cli's pom). */
    public static final String SCHEMAS = "sheetnet.ooxml.schemas";

    private static final String CONTENT_TYPES = "[Content_Types].xml";

    // The one error tolerated: xml:space="preserve" on a text element <t>, which Excel itself writes (for
    // text with leading or trailing spaces) and every reader honours, but which the schema's ST_Xstring,
    // a simple type, does not declare.
    private static final String XML_SPACE_ON_TEXT = "Attribute not allowed (no wildcards allowed): "
            + "space@http://www.w3.org/XML/1998/namespace in element t@";

    // The document type of each root element sheetnet's outputs have, by namespace and local name.
    private static final Map<String, String> DOCUMENTS = Map.of(
            "{" + Ns.MAIN + "}worksheet", "org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument",
            "{" + Ns.MAIN + "}workbook", "org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument",
            "{" + Ns.MAIN + "}styleSheet", "org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument",
            "{" + Ns.MAIN + "}sst", "org.openxmlformats.schemas.spreadsheetml.x2006.main.SstDocument",
            "{" + Ns.MAIN + "}comments", "org.openxmlformats.schemas.spreadsheetml.x2006.main.CommentsDocument",
            "{" + Ns.CHART + "}chartSpace", "org.openxmlformats.schemas.drawingml.x2006.chart.ChartSpaceDocument",
            "{" + Ns.DRAWING + "}wsDr", "org.openxmlformats.schemas.drawingml.x2006.spreadsheetDrawing.WsDrDocument",
            "{" + Ns.EXTENDED + "}Properties",
            "org.openxmlformats.schemas.officeDocument.x2006.extendedProperties.PropertiesDocument",
            "{" + Ns.DRAWINGML + "}theme", "org.openxmlformats.schemas.drawingml.x2006.main.ThemeDocument");

    /** The namespaces of those root elements. */
    private static final class Ns {
        static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        static final String CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        static final String DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
        static final String DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
        static final String EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
    }

    private final ClassLoader loader;
    private final Method validate;
    private final Class<?> optionsClass;

    private OoxmlValidator(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        this.optionsClass = loader.loadClass("org.apache.xmlbeans.XmlOptions");
        this.validate = loader.loadClass("org.apache.xmlbeans.XmlObject").getMethod("validate", optionsClass);
    }

    /**
     * The validator, over the schema jar named by {@value #SCHEMAS} and the XMLBeans on this class path.
     *
     * @throws IllegalStateException when the jar is missing (run the tests through Maven)
     */
    public static OoxmlValidator load() {
        String jar = System.getProperty(SCHEMAS);
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("poi-ooxml-full not found (" + SCHEMAS + "=" + jar + "); run the tests"
                    + " through Maven, which copies it to sheetnet-cli/target/ooxml-schemas");
        }
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(Path.of(jar).toUri().toURL());
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                String name = Path.of(entry).getFileName().toString();
                if (name.startsWith("xmlbeans-")) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            return new OoxmlValidator(new URLClassLoader(urls.toArray(URL[]::new), new LoggingOnly()));
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the OOXML schemas from " + jar, e);
        }
    }

    /**
     * Every problem of an .xlsx (or any OOXML package), one line each, naming the part.
     *
     * @param file the package
     * @return the problems; empty when the package is valid
     */
    public List<String> problems(Path file) throws IOException {
        Map<String, byte[]> parts = read(file);
        List<String> problems = new ArrayList<>();
        PackageRules.check(parts, problems);
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String name = part.getKey();
            if (name.equals(CONTENT_TYPES) || name.endsWith(".rels") || !isXml(name)) {
                continue;
            }
            for (String p : validate(name, part.getValue())) {
                problems.add(name + ": " + p);
            }
        }
        return problems;
    }

    /**
     * The schema errors of one XML part.
     *
     * @param name the part's name, for the message and to know the parts without a schema
     * @param xml  its bytes
     */
    public List<String> validate(String name, byte[] xml) {
        List<Object> errors = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object options = optionsClass.getConstructor().newInstance();
            optionsClass.getMethod("setErrorListener", Collection.class).invoke(options, errors);
            optionsClass.getMethod("setLoadLineNumbers").invoke(options);
            String root = rootElement(xml);
            String documentClass = DOCUMENTS.get(root);
            if (documentClass == null) {
                return withoutSchema(name) ? List.of() : List.of("no schema known for its root element " + root);
            }
            // The document type's Factory (an XMLBeans DocumentFactory) parses it as that type.
            Object factory = loader.loadClass(documentClass).getField("Factory").get(null);
            Object document = factory.getClass().getMethod("parse", InputStream.class, optionsClass)
                    .invoke(factory, new ByteArrayInputStream(xml), options);
            validate.invoke(document, options);
        } catch (InvocationTargetException e) {
            return List.of("not parsed: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(saved);
        }
        return errors.stream().map(Object::toString).filter(e -> !e.contains(XML_SPACE_ON_TEXT)).distinct().toList();
    }

    // {namespace}localName of the root element.
    private static String rootElement(byte[] xml) {
        try {
            javax.xml.stream.XMLInputFactory f = javax.xml.stream.XMLInputFactory.newFactory();
            f.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
            javax.xml.stream.XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            return "{" + r.getNamespaceURI() + "}" + r.getLocalName();
        } catch (javax.xml.stream.XMLStreamException e) {
            return "(not well-formed: " + e.getMessage() + ")";
        }
    }

    // XMLBeans logs through Log4j's API: shared with the tests, whose logging sheetnet has configured.
    private static final class LoggingOnly extends ClassLoader {
        LoggingOnly() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("org.apache.logging.log4j.")) {
                return OoxmlValidator.class.getClassLoader().loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }

    // The Dublin Core properties (docProps/core.xml) and VML drawings are outside the compiled schemas.
    private static boolean withoutSchema(String name) {
        return name.equals("docProps/core.xml") || name.toLowerCase(Locale.ROOT).endsWith(".vml");
    }

    private static boolean isXml(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xml") || n.endsWith(".vml") || n.endsWith(".rels");
    }

    private static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    parts.put(e.getName(), zip.readAllBytes());
                }
            }
        }
        return parts;
    }

    /** The rules of Open Packaging Conventions (ECMA-376 part 2) that no XML schema states. */
    static final class PackageRules {

        private PackageRules() {
        }

        static void check(Map<String, byte[]> parts, List<String> problems) {
            Document types = dom(parts.get(CONTENT_TYPES), CONTENT_TYPES, problems);
            if (types == null) {
                return;
            }
            Map<String, String> defaults = new LinkedHashMap<>();
            Map<String, String> overrides = new LinkedHashMap<>();
            each(types, "Default", e -> defaults.put(e.getAttribute("Extension").toLowerCase(Locale.ROOT),
                    e.getAttribute("ContentType")));
            each(types, "Override", e -> overrides.put(e.getAttribute("PartName"), e.getAttribute("ContentType")));
            for (String part : parts.keySet()) {
                String ext = part.substring(part.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (!part.equals(CONTENT_TYPES) && !overrides.containsKey("/" + part) && !defaults.containsKey(ext)) {
                    problems.add(part + ": no content type ([Content_Types].xml has no Override or Default for it)");
                }
            }
            overrides.keySet().stream().filter(p -> !parts.containsKey(p.substring(1)))
                    .forEach(p -> problems.add(CONTENT_TYPES + ": Override for " + p + ", which is not in the package"));
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                if (part.getKey().endsWith(".rels")) {
                    targets(part.getKey(), part.getValue(), parts, problems);
                }
            }
        }

        // Each internal target, resolved against the folder of the part whose relationships these are.
        private static void targets(String rels, byte[] xml, Map<String, byte[]> parts, List<String> problems) {
            Document doc = dom(xml, rels, problems);
            if (doc == null) {
                return;
            }
            String source = rels.replace("_rels/", "").replaceAll("\\.rels$", "");
            URI base = URI.create("/" + source);
            each(doc, "Relationship", e -> {
                if ("External".equals(e.getAttribute("TargetMode"))) {
                    return;
                }
                String target = base.resolve(e.getAttribute("Target")).getPath().substring(1);
                if (!parts.containsKey(target)) {
                    problems.add(rels + ": relationship " + e.getAttribute("Id") + " targets " + target
                            + ", which is not in the package");
                }
            });
        }

        private static Document dom(byte[] xml, String name, List<String> problems) {
            if (xml == null) {
                problems.add(name + ": missing");
                return null;
            }
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            } catch (Exception e) {
                problems.add(name + ": not well-formed: " + e.getMessage());
                return null;
            }
        }

        private static void each(Document doc, String localName, java.util.function.Consumer<Element> action) {
            NodeList nodes = doc.getElementsByTagNameNS("*", localName);
            for (int i = 0; i < nodes.getLength(); i++) {
                action.accept((Element) nodes.item(i));
            }
        }
    }
}
