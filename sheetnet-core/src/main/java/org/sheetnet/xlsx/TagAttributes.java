package org.sheetnet.xlsx;

import java.util.Arrays;

/**
 * The attributes of the start tag {@link XmlScanner} stands on: names and plain values as ranges of
 * the scanner's buffer (valid until it reads on), values that needed decoding as Strings, and the
 * namespace of each prefixed one. The buffer is passed in, since the scanner may replace it.
 */
final class TagAttributes {

    private int count;
    private int[] nameFrom = new int[8];
    private int[] nameTo = new int[8];
    private int[] colon = new int[8];
    private int[] valueFrom = new int[8];
    private int[] valueTo = new int[8];
    private String[] decoded = new String[8];
    private String[] namespace = new String[8];

    int count() {
        return count;
    }

    void clear() {
        count = 0;
    }

    /** Adds one: its name, the colon in it (or −1), its value's range, and the value decoded if it had to be. */
    void add(int from, int to, int colonAt, int valueStart, int valueEnd, String decodedValue) {
        if (count == nameFrom.length) {
            int n = count * 2;
            nameFrom = Arrays.copyOf(nameFrom, n);
            nameTo = Arrays.copyOf(nameTo, n);
            colon = Arrays.copyOf(colon, n);
            valueFrom = Arrays.copyOf(valueFrom, n);
            valueTo = Arrays.copyOf(valueTo, n);
            decoded = Arrays.copyOf(decoded, n);
            namespace = Arrays.copyOf(namespace, n);
        }
        nameFrom[count] = from;
        nameTo[count] = to;
        colon[count] = colonAt;
        valueFrom[count] = valueStart;
        valueTo[count] = valueEnd;
        decoded[count] = decodedValue;
        namespace[count++] = null;
    }

    /** Keeps only the attributes for which keep[i] is true, in order. */
    void retain(boolean[] keep) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                nameFrom[kept] = nameFrom[i];
                nameTo[kept] = nameTo[i];
                colon[kept] = colon[i];
                valueFrom[kept] = valueFrom[i];
                valueTo[kept] = valueTo[i];
                decoded[kept] = decoded[i];
                namespace[kept++] = namespace[i];
            }
        }
        count = kept;
    }

    /** The qualified name of the i-th. */
    String qname(char[] buf, int i) {
        return new String(buf, nameFrom[i], nameTo[i] - nameFrom[i]);
    }

    /** The prefix of the i-th, or null if it has none. */
    String prefix(char[] buf, int i) {
        return colon[i] < 0 ? null : new String(buf, nameFrom[i], colon[i] - nameFrom[i]);
    }

    /** The local name of the i-th. */
    String localName(char[] buf, int i) {
        int from = localFrom(i);
        return new String(buf, from, nameTo[i] - from);
    }

    /** Whether the i-th's local name is that name (no String made). */
    boolean localIs(char[] buf, int i, String local) {
        int from = localFrom(i);
        if (nameTo[i] - from != local.length()) {
            return false;
        }
        for (int k = 0; k < local.length(); k++) {
            if (buf[from + k] != local.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the i-th and j-th have the same qualified name. */
    boolean sameQname(char[] buf, int i, int j) {
        return Arrays.equals(buf, nameFrom[i], nameTo[i], buf, nameFrom[j], nameTo[j]);
    }

    /** Whether the i-th and j-th have the same namespace and local name (a duplicate through two prefixes). */
    boolean sameExpandedName(char[] buf, int i, int j) {
        return namespace[i] != null && namespace[i].equals(namespace[j])
                && Arrays.equals(buf, localFrom(i), nameTo[i], buf, localFrom(j), nameTo[j]);
    }

    /** The value of the i-th. */
    String value(char[] buf, int i) {
        return decoded[i] != null ? decoded[i] : new String(buf, valueFrom[i], valueTo[i] - valueFrom[i]);
    }

    /** Appends the value of the i-th to out. */
    void valueInto(char[] buf, int i, CharSlice out) {
        if (decoded[i] != null) {
            out.append(decoded[i]);
        } else {
            out.append(buf, valueFrom[i], valueTo[i] - valueFrom[i]);
        }
    }

    /** The namespace URI of the i-th, or null for an unprefixed one. */
    String namespace(int i) {
        return namespace[i];
    }

    void namespace(int i, String uri) {
        namespace[i] = uri;
    }

    private int localFrom(int i) {
        return colon[i] < 0 ? nameFrom[i] : colon[i] + 1;
    }
}
