package org.switchboard.camel.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which files of {@code deploy/} are Camel YAML routes.
 *
 * <ul>
 * <li>{@code *.camel.yaml} and {@code *.camel.yml}: always (Camel's own naming convention).</li>
 * <li>any other {@code *.yaml} / {@code *.yml}: only when {@code detectRoutes} is on and the file
 * declares routes, i.e. a line of its first 64 KiB starts a top-level list item with
 * {@code route:}, {@code from:}, {@code routeTemplate:}, {@code templatedRoute:} or
 * {@code routeConfiguration:} (so other YAML that happens to lie there is left alone).</li>
 * </ul>
 */
final class YamlRouteFiles {

    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern DECLARES_ROUTES = Pattern.compile(
            "^-\\s+(route|from|routeTemplate|templatedRoute|routeConfiguration)\\s*:", Pattern.MULTILINE);

    private final boolean detectRoutes;

    YamlRouteFiles(boolean detectRoutes) {
        this.detectRoutes = detectRoutes;
    }

    boolean isRoutes(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".camel.yaml") || name.endsWith(".camel.yml")) {
            return true;
        }
        if (!detectRoutes || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
            return DECLARES_ROUTES.matcher(head).find();
        } catch (IOException e) {
            return false;
        }
    }
}
