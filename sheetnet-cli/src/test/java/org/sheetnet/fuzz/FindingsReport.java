package org.sheetnet.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The findings of a campaign grouped by kind, exception and frame: one line per distinct failure. */
final class FindingsReport {

    /** One distinct failure: how often, on which targets, and the first case that showed it. */
    private static final class Group {
        final String key;
        int count;
        final TreeSet<String> targets = new TreeSet<>();
        String firstSeed;
        String reproducer = "";
        String detail;

        Group(String key) {
            this.key = key;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();

    private final String folder;

    private FindingsReport(String folder) {
        this.folder = folder;
    }

    /** Reads {@code findings.tsv} (key, seed, target, reproducer, detail) and the campaign JVM's deaths. */
    static FindingsReport read(Path findings, List<String> deaths) throws IOException {
        FindingsReport report = new FindingsReport(CampaignRunner.PROJECT.relativize(findings.getParent()).toString());
        List<String> lines = new ArrayList<>(Files.exists(findings) ? Files.readAllLines(findings) : List.of());
        for (String death : deaths) {
            String[] d = death.split("\t");
            lines.add(d[0] + "\t" + d[1] + "\t?\t" + d[2] + "\tthe JVM running the cases ended in this case");
        }
        for (String line : lines) {
            String[] f = line.split("\t", 5);
            if (f.length < 5) {
                continue;
            }
            Group g = report.groups.computeIfAbsent(f[0], Group::new);
            g.count++;
            g.targets.add(f[2]);
            if (g.firstSeed == null) {
                g.firstSeed = f[1];
                g.detail = f[4];
            }
            if (g.reproducer.isEmpty()) {
                g.reproducer = f[3];
            }
        }
        return report;
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    int groups() {
        return groups.size();
    }

    /** One paragraph per group, the most frequent first. */
    String describe() {
        if (groups.isEmpty()) {
            return "fuzz: no broken promise";
        }
        StringBuilder text = new StringBuilder();
        List<Group> sorted = groups.values().stream().sorted(Comparator.comparingInt((Group g) -> -g.count)).toList();
        int n = 0;
        for (Group g : sorted) {
            text.append(String.format("%2d. %s%n    %d case(s) on %s; first: seed %s%s%n    e.g. %s%n", ++n, g.key,
                    g.count, String.join(", ", g.targets), g.firstSeed,
                    g.reproducer.isEmpty() ? "" : ", reproducer " + folder + "/" + g.reproducer, g.detail));
        }
        return text.toString();
    }
}
