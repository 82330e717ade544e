package org.switchboard.api.spi;

import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Receipt;

/**
 * Where every channel hands in what it received. Provided by the core.
 *
 * <p><b>Contract.</b> {@link #accept} returns only after the contact and its interaction are
 * committed to the store, so a channel acknowledges its source (IMAP flag, Telegram offset,
 * HTTP 2xx) only after it returned, and never loses a contact. It is idempotent on
 * {@code (channel, externalId)}: the same pair again returns the first receipt marked
 * {@linkplain Receipt#duplicate() duplicate} and changes nothing, so a channel may always retry.
 * Identification, threading, routing and CRM work happen afterwards, asynchronously, exactly once
 * per contact, and resume after a restart.
 *
 * <p><b>Threading.</b> Thread-safe; blocks the caller for one store commit (concurrent callers
 * share commits). Do not call it from a thread that must never block (an I/O event loop): hand
 * the contact to a worker first.
 */
@ProviderType
public interface ContactIngress {

    /**
     * Stores a contact.
     *
     * @return the receipt, with the interaction the contact became
     * @throws InvalidContactException   the contact breaks a rule (nothing stored; do not retry as is)
     * @throws StoreUnavailableException the store could not commit (nothing stored; retry later)
     */
    Receipt accept(InboundContact contact);
}
