/**
 * The services the core provides to user interfaces (REST, console, shell) and integrators:
 * read the contact center's state and act on it. Every method is thread-safe; reads never block on
 * anything but the store; changes are committed before the method returns and announced on
 * EventAdmin afterwards.
 */
@Export
@Version("0.3.0")
package org.switchboard.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
