package org.switchboard.api.service;

import java.util.Map;
import org.switchboard.api.spi.Health;

/**
 * Every {@link org.switchboard.api.spi.HealthCheck}'s answer, and the worst of them.
 *
 * @param status the overall status: DOWN if any check is down, DEGRADED if any is degraded
 * @param checks each check's answer by name
 */
public record HealthReport(Health.Status status, Map<String, Health> checks) {
    public HealthReport {
        checks = Map.copyOf(checks);
    }
}
