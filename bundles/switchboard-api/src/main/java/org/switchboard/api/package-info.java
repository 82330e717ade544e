/**
 * The Switchboard domain model: immutable records that every bundle and plugin shares.
 *
 * <p>Records validate themselves in their constructors and throw {@link InvalidContactException}
 * (naming the offending field) or {@link IllegalArgumentException}; an instance that exists is
 * valid. Collections inside records are unmodifiable copies.
 */
@Export
@Version("0.2.0")
package org.switchboard.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
