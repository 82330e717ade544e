package org.switchboard.shell.commands;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** A command's console in tests: what it printed, and a clock stopped at {@link #NOW}. */
final class Console {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Points the command's output here and stops its clock at {@link #NOW}. */
    <T extends ConsoleAction> T attach(T command) {
        command.out = new PrintStream(bytes, true, UTF_8);
        command.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return command;
    }

    String text() {
        return bytes.toString(UTF_8);
    }

    List<String> lines() {
        return text().lines().toList();
    }

    /** The cells of every table line (header included), trimmed. */
    List<List<String>> rows() {
        return lines().stream()
                .filter(line -> line.contains(" | "))
                .map(line -> Arrays.stream(line.split(" \\| ")).map(String::strip).toList())
                .toList();
    }
}
