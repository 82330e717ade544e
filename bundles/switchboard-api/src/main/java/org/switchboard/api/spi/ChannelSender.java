package org.switchboard.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.Channel;

/**
 * Sends agents' replies on one channel. Each channel bundle registers one per configured instance
 * (mailbox, bot); the core picks the one whose {@link #channel()} matches the conversation and,
 * among several, the one registered with {@link #ENTRY_POINT_PROPERTY} equal to the
 * conversation's entry point.
 *
 * <p><b>Contract.</b> Called from the core's outbox, which retries on
 * {@linkplain DeliveryException#isRetryable() retryable} failures; a sender that can detect a
 * resend (same idempotency key) must not deliver twice. May block on I/O within its own timeout.
 */
@ConsumerType
public interface ChannelSender {

    /** Service property: the entry point (mailbox address, bot name) this sender sends from. */
    String ENTRY_POINT_PROPERTY = "switchboard.entryPoint";

    /** The channel this sender sends on. */
    Channel channel();

    /**
     * Sends the message.
     *
     * @return the id the channel gave the sent message (e.g. its Message-ID), kept so that the
     *         customer's answer to it threads into the same conversation
     */
    String send(OutboundMessage message) throws DeliveryException;
}
