package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sheetnet.xlsx.XmlDifferential.Case;

/**
 * Holds {@link XmlPart} to the JDK's StAX parser: on generated well-formed documents both must give
 * the same trace (elements, attributes with namespaces and values, text), and on malformed or
 * hostile ones, when StAX refuses, XmlPart must refuse with one line of SheetnetException naming the
 * part; when StAX reads, XmlPart must read the same. Disagreements are collected and reported, the
 * first few shrunk to small examples; {@link XmlDifferential#ALLOWLIST} names those accepted.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class XmlPartDifferentialTest {

    private static final long SEED = 20261205L;
    /** More documents for a longer search, e.g. -Dsheetnet.xmldiff.scale=20; the build runs 1. */
    private static final int SCALE = Integer.getInteger("sheetnet.xmldiff.scale", 1);
    private static final int WELL_FORMED = 2000 * SCALE;
    private static final int MUTANTS = 2500 * SCALE;
    private static final int TRUNCATED_DOCUMENTS = 30 * SCALE;
    private static final int WALKED = 800 * SCALE;
    private static final int TRUNCATION_STEP = 97;

    @Test
    void generatedWellFormedDocumentsReadAsStaxReadsThem() {
        XmlDifferential diff = new XmlDifferential();
        WellFormedXml generator = new WellFormedXml(SEED);
        List<String> refusedByStax = new ArrayList<>();
        for (int i = 0; i < WELL_FORMED; i++) {
            Case c = diff.compare("generated #" + i, generator.next().bytes());
            if (!c.stax().accepted()) {
                refusedByStax.add(c.label() + ": " + XmlDifferential.text(c.bytes()) + " -> " + c.stax());
            }
        }
        System.out.println("well-formed: " + diff.summary());
        assertTrue(refusedByStax.isEmpty(), () -> "the generator made " + refusedByStax.size()
                + " documents StAX refuses, so they are not well-formed; the first: " + refusedByStax.get(0));
        assertTrue(diff.disagreements().isEmpty(), diff::report);
    }

    @Test
    void handListedMalformedDocumentsAreRefusedByBoth() {
        XmlDifferential diff = new XmlDifferential();
        List<String> readByStax = new ArrayList<>();
        for (String document : HostileXml.REFUSED) {
            for (XmlDoc.Encoding encoding : XmlDoc.Encoding.values()) {
                Case c = diff.compare("hand list, " + encoding, new XmlDoc(document, encoding).bytes());
                if (c.stax().accepted() && encoding == XmlDoc.Encoding.UTF8) {
                    readByStax.add(XmlTrace.quote(document));
                }
            }
        }
        System.out.println("hand-listed malformed: " + diff.summary());
        assertTrue(readByStax.isEmpty(), () -> "StAX reads documents the hand list says are malformed: " + readByStax);
        assertTrue(diff.disagreements().isEmpty(), diff::report);
    }

    @Test
    void handListedOddDocumentsReadAsStaxReadsThem() {
        XmlDifferential diff = new XmlDifferential();
        List<String> refusedByStax = new ArrayList<>();
        for (String document : HostileXml.ACCEPTED) {
            for (XmlDoc.Encoding encoding : XmlDoc.Encoding.values()) {
                if (encoding.utf16() && document.contains("encoding=")) {
                    continue; // the declarations in the list name UTF-8
                }
                Case c = diff.compare("odd list, " + encoding, new XmlDoc(document, encoding).bytes());
                if (!c.stax().accepted()) {
                    refusedByStax.add(encoding + " " + XmlTrace.quote(document) + " -> " + c.stax());
                }
            }
        }
        System.out.println("hand-listed odd: " + diff.summary());
        assertTrue(refusedByStax.isEmpty(), () -> "StAX refuses documents the odd list says are well-formed: " + refusedByStax);
        assertTrue(diff.disagreements().isEmpty(), diff::report);
    }

    @Test
    void hostileBytesAreRefusedByBothOrReadAlike() {
        XmlDifferential diff = new XmlDifferential();
        for (int i = 0; i < HostileXml.BYTES.size(); i++) {
            diff.compare("bytes #" + i, HostileXml.BYTES.get(i));
        }
        System.out.println("hostile bytes: " + diff.summary());
        assertTrue(diff.disagreements().isEmpty(), diff::report);
    }

    @Test
    void mutatedDocumentsAreRefusedByBothOrReadAlike() {
        XmlDifferential diff = new XmlDifferential();
        WellFormedXml generator = new WellFormedXml(SEED + 1);
        HostileXml mutator = new HostileXml(SEED + 2);
        for (int i = 0; i < MUTANTS; i++) {
            XmlDoc doc = generator.next();
            for (int m = 1 + i % 3; m > 0; m--) {
                HostileXml.Mutant mutant = mutator.mutate(doc);
                doc = mutant.doc();
            }
            diff.compare("mutant #" + i, doc.bytes());
        }
        System.out.println("mutated: " + diff.summary());
        assertTrue(diff.bothRefused() >= MUTANTS / 3,
                "fewer than a third of the mutants are malformed, so the mutations test little: " + diff.summary());
        assertTrue(diff.disagreements().isEmpty(), diff::report);
    }

    @Test
    void elementsReadWholeOrSkippedAsOverStax() {
        XmlDifferential generated = new XmlDifferential(XmlDifferential.Readings.WALK);
        XmlDifferential mutated = new XmlDifferential(XmlDifferential.Readings.WALK);
        WellFormedXml generator = new WellFormedXml(SEED + 4);
        HostileXml mutator = new HostileXml(SEED + 5);
        for (int i = 0; i < WALKED; i++) {
            XmlDoc doc = generator.next();
            generated.compare("walked #" + i, doc.bytes());
            mutated.compare("walked mutant #" + i, mutator.mutate(doc).doc().bytes());
        }
        System.out.println("walked: " + generated.summary() + "; mutants: " + mutated.summary());
        assertTrue(generated.bothRead() >= WALKED * 9 / 10, "most generated documents are read: " + generated.summary());
        assertTrue(generated.disagreements().isEmpty(), generated::report);
        assertTrue(mutated.disagreements().isEmpty(), mutated::report);
    }

    @Test
    void truncatedDocumentsAreRefusedByBothOrReadAlike() {
        XmlDifferential diff = new XmlDifferential();
        WellFormedXml generator = new WellFormedXml(SEED + 3);
        int documents = 0;
        while (documents < TRUNCATED_DOCUMENTS) {
            byte[] whole = generator.next().bytes();
            if (whole.length > 20_000) {
                continue; // every 97th byte of a long document is many parses of little more
            }
            documents++;
            List<byte[]> cuts = HostileXml.truncations(whole, TRUNCATION_STEP);
            for (int i = 0; i < cuts.size(); i++) {
                diff.compare("document #" + documents + " cut after " + (i + 1) * TRUNCATION_STEP + " bytes", cuts.get(i));
            }
        }
        System.out.println("truncated: " + diff.summary());
        assertTrue(diff.disagreements().isEmpty(), diff::report);
    }
}
