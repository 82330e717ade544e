package org.switchboard.itests.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The demo configuration that ships in the distribution's {@code demo/etc/}. */
public final class DemoConfiguration {
    private DemoConfiguration() {
    }

    /** Extracts {@code demo/etc/*} from the distribution into {@code into} (emptied first) and lists the files. */
    public static List<Path> extract(Path distribution, Path into) {
        try {
            if (Files.isDirectory(into)) {
                try (Stream<Path> old = Files.list(into)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(into);
            Process tar = new ProcessBuilder("tar", "-xzf", distribution.toAbsolutePath().toString(),
                    "-C", into.toString(), "--wildcards", "--strip-components=3", "*/demo/etc/*")
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("cannot extract demo/etc from " + distribution + ": " + output);
            }
            try (Stream<Path> files = Files.list(into)) {
                return files.sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
