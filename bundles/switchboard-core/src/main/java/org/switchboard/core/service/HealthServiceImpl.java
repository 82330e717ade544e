package org.switchboard.core.service;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.spi.Health;
import org.switchboard.api.spi.HealthCheck;

/** Runs the core's own checks and every registered {@link HealthCheck}. */
public final class HealthServiceImpl implements HealthService {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServiceImpl.class);

    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    public void add(HealthCheck check) {
        checks.add(check);
    }

    public void remove(HealthCheck check) {
        checks.remove(check);
    }

    @Override
    public HealthReport report() {
        Map<String, Health> results = new LinkedHashMap<>();
        Health.Status overall = Health.Status.UP;
        for (HealthCheck check : checks.stream().sorted(Comparator.comparing(HealthCheck::name)).toList()) {
            Health health;
            try {
                health = check.check();
            } catch (RuntimeException e) {
                LOG.warn("Health check {} failed", check.name(), e);
                health = Health.down(check.name() + " could not tell: " + e.getMessage());
            }
            results.put(check.name(), health);
            overall = overall.and(health.status());
        }
        return new HealthReport(overall, results);
    }
}
