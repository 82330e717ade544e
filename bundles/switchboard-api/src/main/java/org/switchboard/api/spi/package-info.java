/**
 * The service provider interfaces: what the core offers channels ({@link ContactIngress},
 * {@link InteractionEvents}) and what plugins offer the core ({@link CrmConnector},
 * {@link ChannelSender}, {@link Telephony}, {@link HealthCheck}). All are OSGi services; plugins
 * register theirs and the core binds them as a whiteboard. A connector of a CRM kept in
 * Switchboard's own store implements {@link InStoreCrm} as well.
 */
@Export
@Version("0.3.0")
package org.switchboard.api.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
