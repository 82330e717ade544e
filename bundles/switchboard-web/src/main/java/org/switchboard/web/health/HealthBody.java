package org.switchboard.web.health;

import java.util.Map;
import java.util.TreeMap;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.spi.Health;

/** {@code {"status":"UP","checks":{"store":{"status","message","details"},…}}}. */
public record HealthBody(String status, Map<String, Check> checks) {

    public record Check(String status, String message, Map<String, Object> details) {
        static Check of(Health health) {
            return new Check(health.status().name(), health.message(), new TreeMap<>(health.details()));
        }
    }

    static HealthBody of(HealthReport report) {
        Map<String, Check> checks = new TreeMap<>();
        report.checks().forEach((name, health) -> checks.put(name, Check.of(health)));
        return new HealthBody(report.status().name(), checks);
    }
}
