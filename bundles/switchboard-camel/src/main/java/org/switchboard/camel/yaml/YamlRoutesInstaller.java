package org.switchboard.camel.yaml;

import java.io.File;
import java.nio.file.Path;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.switchboard.camel.routes.RouteContributions;

/**
 * Runs the Camel YAML DSL routes that integrators drop into Karaf's {@code deploy/} folder
 * (Felix File Install calls it; {@link YamlRouteFiles} tells which files are routes).
 *
 * <ul>
 * <li>install: the file's routes are added and started;</li>
 * <li>update: its old routes are stopped and removed, then the new content's routes added (a
 * broken update therefore leaves the file with no routes, and says so);</li>
 * <li>uninstall (file deleted): its routes are stopped and removed.</li>
 * </ul>
 * A file that cannot be read, is too large, or that Camel refuses is logged at ERROR on one line
 * naming the file and the problem, and reported by the health check; never thrown back to File
 * Install, and other routes keep running. Routes that wait for a component ({@code switchboard:}
 * before the core is up) start when it comes. Route configurations, templates and beans a file
 * declared stay in the context until it restarts; only its routes are removed.
 */
public final class YamlRoutesInstaller implements ArtifactInstaller {

    private final RouteContributions contributions;
    private final YamlRouteFiles files;
    private final long maxBytes;

    public YamlRoutesInstaller(RouteContributions contributions, boolean detectRoutes, long maxBytes) {
        this.contributions = contributions;
        this.files = new YamlRouteFiles(detectRoutes);
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.isFile() && files.isRoutes(artifact.toPath());
    }

    @Override
    public void install(File artifact) {
        load(artifact);
    }

    @Override
    public void update(File artifact) {
        load(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        contributions.remove(keyOf(artifact));
    }

    private void load(File artifact) {
        Path file = keyOf(artifact);
        contributions.add(file, YamlRoutes.read(file, maxBytes));
    }

    private static Path keyOf(File artifact) {
        return artifact.toPath().toAbsolutePath().normalize();
    }
}
