package org.switchboard.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads Karaf's log ({@code data/log/karaf.log}) for lines logged at ERROR that a test did not
 * expect: a fault anywhere in Karaf fails the test that caused it, even when the REST answers
 * looked right (as Apache Unomi's and OpenNMS's integration tests do).
 */
public final class KarafLog {
    private static final String ERROR = "| ERROR |";

    private final Path file;

    public KarafLog(Path file) {
        this.file = file;
    }

    /** The log of the Karaf this code runs in (inside a Pax Exam container). */
    public static KarafLog ofThisKaraf() {
        Path base = Path.of(System.getProperty("karaf.base", "."));
        List<Path> candidates = new ArrayList<>();
        String log = System.getProperty("karaf.log");
        if (log != null) {
            candidates.add(base.resolve(log).resolve("karaf.log"));
            candidates.add(base.resolve(log));
        }
        String data = System.getProperty("karaf.data");
        if (data != null) {
            candidates.add(base.resolve(data).resolve("log").resolve("karaf.log"));
        }
        candidates.add(base.resolve("data").resolve("log").resolve("karaf.log"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(KarafLog::new)
                .orElseThrow(() -> new IllegalStateException("no Karaf log found among " + candidates));
    }

    /** ERROR lines that match none of the {@code allowed} patterns (found anywhere in the line). */
    public List<String> unexpectedErrors(List<Pattern> allowed) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Karaf log at " + file);
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(ERROR))
                    .filter(line -> allowed.stream().noneMatch(p -> p.matcher(line).find()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }
}
