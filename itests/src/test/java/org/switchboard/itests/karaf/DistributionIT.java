package org.switchboard.itests.karaf;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.switchboard.itests.support.SwitchboardClient.Response;

/** The distribution boots with every Switchboard feature installed, no ERROR logged, and reports UP. */
public class DistributionIT extends SwitchboardTestSupport {
    private static final List<String> FEATURES = List.of("switchboard", "switchboard-core", "switchboard-web",
            "switchboard-crm-local", "switchboard-channel-webhook", "switchboard-shell");

    @Inject
    private FeaturesService features;

    @Test
    public void everySwitchboardFeatureIsInstalledAtBoot() throws Exception {
        Set<String> missing = new TreeSet<>(FEATURES);
        for (String name : FEATURES) {
            if (features.isInstalled(features.getFeature(name))) {
                missing.remove(name);
            }
        }
        assertEquals("features not installed", Set.of(), missing);
    }

    @Test
    public void healthIsUpWithoutSigningIn() {
        Response health = anonymous().get("/health");

        assertEquals(health.body(), 200, health.status());
        assertEquals(health.body(), "UP", health.json().path("status").asText());
    }
}
