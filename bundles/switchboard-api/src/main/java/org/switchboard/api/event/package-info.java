/**
 * Domain events. The core posts them on OSGi EventAdmin (asynchronously, after the change is
 * committed) under the topics of {@link Topics}, with the properties of {@link EventProperties};
 * the console, KPIs and integrators subscribe there.
 */
@Export
@Version("0.2.0")
package org.switchboard.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
