package org.switchboard.web.server;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;

/**
 * Whether the REST API serves everything the installation has: DOWN ("starting") until Karaf has
 * installed its boot features and the REST API has published every resource they brought. So a
 * script or a load balancer that waits for {@code GET /health} to answer UP never then finds
 * {@code POST /contacts} missing. Once started it stays UP: a feature installed later publishes its
 * resources within a moment, and requests that arrive meanwhile wait for them.
 */
final class StartupCheck implements HealthCheck {
    private final BooleanSupplier bootFinished;
    private final BooleanSupplier settled;
    private final IntSupplier served;
    private volatile boolean started;

    /**
     * @param bootFinished whether Karaf has installed its boot features
     * @param settled      whether the REST API serves every resource registered so far
     * @param served       how many resources it serves
     */
    StartupCheck(BooleanSupplier bootFinished, BooleanSupplier settled, IntSupplier served) {
        this.bootFinished = bootFinished;
        this.settled = settled;
        this.served = served;
    }

    @Override
    public String name() {
        return "rest";
    }

    @Override
    public Health check() {
        if (!started) {
            if (!bootFinished.getAsBoolean()) {
                return Health.down("starting: Karaf is still installing its features");
            }
            if (!settled.getAsBoolean()) {
                return Health.down("starting: the REST API is publishing its resources");
            }
            started = true;
        }
        return Health.up("serves " + served.getAsInt() + " resources");
    }
}
