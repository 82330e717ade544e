package org.switchboard.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of Switchboard that can tell whether it works: the store, the processing backlog, a
 * CRM, a mailbox, a PBX connection. {@code switchboard:health} and {@code GET /health} run them all.
 *
 * <p>{@link #check()} must answer within a second and never throw; a check that cannot tell
 * answers {@link Health.Status#DOWN} with the reason.
 */
@ConsumerType
public interface HealthCheck {

    /** A short name, e.g. {@code store}, {@code outbox}, {@code crm:suitecrm-main}. */
    String name();

    Health check();
}
