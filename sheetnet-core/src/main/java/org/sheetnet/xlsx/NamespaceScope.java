package org.sheetnet.xlsx;

import java.util.Arrays;

/** The namespace prefixes bound where {@link XmlScanner} stands, innermost last. */
final class NamespaceScope {

    static final String XML = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private String[] prefixes = new String[8];
    private String[] uris = new String[8];
    private int count;

    /** A mark to return to when the element that declares what follows ends. */
    int mark() {
        return count;
    }

    /** Forgets the bindings made since the mark. */
    void reset(int mark) {
        count = mark;
    }

    /**
     * Binds a prefix ("" for the default namespace).
     *
     * @return false if XML forbids the binding (xmlns:p="" in XML 1.0, the reserved prefixes and names)
     */
    boolean bind(String prefix, String uri) {
        if (!prefix.isEmpty() && (uri.isEmpty() || prefix.equals("xmlns") || prefix.equals("xml") != uri.equals(XML))) {
            return false;
        }
        if (uri.equals(XMLNS) || (prefix.isEmpty() && uri.equals(XML))) {
            return false;
        }
        if (count == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, count * 2);
            uris = Arrays.copyOf(uris, count * 2);
        }
        prefixes[count] = prefix;
        uris[count++] = uri;
        return true;
    }

    /** The URI bound to a prefix here, or null if it is unbound. */
    String uri(String prefix) {
        if (prefix.equals("xml")) {
            return XML;
        }
        for (int i = count - 1; i >= 0; i--) {
            if (prefixes[i].equals(prefix)) {
                return uris[i];
            }
        }
        return null;
    }
}
