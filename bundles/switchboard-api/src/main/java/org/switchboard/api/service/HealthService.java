package org.switchboard.api.service;

import org.osgi.annotation.versioning.ProviderType;

/** Runs every registered {@link org.switchboard.api.spi.HealthCheck}. */
@ProviderType
public interface HealthService {

    HealthReport report();
}
