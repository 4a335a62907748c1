package org.sheetnet.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

/**
 * One fuzz case, entirely determined by its seed: the target, the seed file, and a plan of one to
 * four mutations, each with a seed of its own so that any subset of them replays alone.
 */
final class FuzzCase {

    /** A planned mutation and the seed of its choices. */
    record Step(Mutation mutation, long seed) {
    }

    /**
     * A case written to disk: the command line, what each applied step did, and the entries the
     * command must read that are damaged beyond doubt (see {@link RawZip#staleEntries}).
     */
    record Written(List<String> arguments, Path subject, List<String> done, List<String> damagedMustRead) {
    }

    final long seed;
    final Target target;
    final Target.Seed seedFile;
    final List<Step> steps;

    private FuzzCase(long seed, Target target, Target.Seed seedFile, List<Step> steps) {
        this.seed = seed;
        this.target = target;
        this.seedFile = seedFile;
        this.steps = steps;
    }

    /** The case of a seed. */
    static FuzzCase plan(long seed, SeedCorpus corpus) {
        return plan(randomOf(seed), seed, corpus);
    }

    /**
     * The case that a source of choices makes: a seeded generator, or the bytes of a
     * coverage-guided fuzzer (then {@code seed} only names the case).
     */
    static FuzzCase plan(Random random, long seed, SeedCorpus corpus) {
        Target target = Target.values()[random.nextInt(Target.values().length)];
        Target.Seed seedFile = Hostile.pick(random, corpus.of(target));
        List<Mutation> mutations = mutationsFor(target.format);
        int count = random.nextInt(10) < 6 ? 1 : 2 + random.nextInt(3);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mutation m = Hostile.pick(random, mutations);
            // Large fillers take seconds to write: one draw in six keeps them.
            while (m.name().contains("huge") && random.nextInt(6) != 0) {
                m = Hostile.pick(random, mutations);
            }
            steps.add(new Step(m, random.nextLong()));
        }
        return new FuzzCase(seed, target, seedFile, List.copyOf(steps));
    }

    /**
     * A generator for a seed. Consecutive seeds give correlated first draws in {@link Random}, so
     * the seed is mixed first (the SplitMix64 finaliser).
     */
    static Random randomOf(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** A seed file as it is, to check that it passes before it is damaged. */
    static FuzzCase unmutated(Target target, Target.Seed seedFile) {
        return new FuzzCase(-1, target, seedFile, List.of());
    }

    static List<Mutation> mutationsFor(Subject.Format format) {
        List<Mutation> all = new ArrayList<>();
        List<Mutation> bytes = ByteMutations.all();
        switch (format) {
            case XLSX -> {
                all.addAll(ZipMutations.all());
                all.addAll(XmlMutations.all());
                all.addAll(XmlMutations.all()); // twice: the XML is where the readers interpret most
                all.add(bytes.get(0));
            }
            case KERAS -> {
                all.addAll(ZipMutations.all());
                all.addAll(JsonMutations.all());
                all.addAll(bytes);
            }
            case JSON -> {
                all.addAll(JsonMutations.all());
                all.add(bytes.get(0));
            }
            case CSV -> {
                all.addAll(CsvMutations.all());
                all.add(bytes.get(0));
            }
            case HDF5 -> all.add(bytes.get(0));
            default -> throw new IllegalArgumentException(format.toString());
        }
        return all;
    }

    /**
     * Writes the case's files into {@code in} (the damaged file and its companion), applying the
     * steps that {@code include} accepts (by index).
     */
    Written write(Path in, Path out, Hostile hostile, IntPredicate include) {
        try {
            Path companion = target.companionPath(in, seedFile);
            if (companion != null) {
                copy(seedFile.companion(), companion);
            }
            Path subjectPath = target.subjectPath(in, seedFile);
            Files.createDirectories(subjectPath.getParent());
            Subject subject = Subject.of(target.format, Files.readAllBytes(seedFile.file()));
            List<String> done = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (include.test(i) && !step.mutation().byteLevel()) {
                    done.add(step.mutation().apply(subject, randomOf(step.seed()), hostile)
                            .orElse(step.mutation().name() + ": nothing to edit"));
                }
            }
            List<String> damaged = subject.isZip() && subject.zip.truncateTo < 0
                    ? subject.zip.staleEntries().stream().filter(target.mustRead()::contains).toList() : List.of();
            byte[] bytes = subject.serialise();
            boolean bytesDamaged = false;
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                if (include.test(i) && step.mutation().byteLevel()) {
                    StringBuilder description = new StringBuilder();
                    bytes = step.mutation().applyToBytes(bytes, randomOf(step.seed()), description);
                    done.add(description.toString());
                    bytesDamaged = true;
                }
            }
            subject.writeTo(subjectPath, bytes);
            // After damage to the raw bytes, which entry a reader meets is no longer certain.
            return new Written(target.arguments(in, out, seedFile), subjectPath, done,
                    bytesDamaged ? List.of() : damaged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "seed " + seed + " " + target + " from " + seedFile.file().getFileName();
    }
}
