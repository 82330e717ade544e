package org.switchboard.api.service;

import org.switchboard.api.Conversation;
import org.switchboard.api.Customer;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;

/**
 * An interaction with everything around it.
 *
 * @param interaction  the interaction
 * @param contact      the contact it came from, or {@code null} for an outbound one
 * @param customer     the customer, once identified
 * @param conversation the conversation, once threaded, with its ticket once opened
 */
public record InteractionDetails(Interaction interaction, InboundContact contact, Customer customer,
                                 Conversation conversation) {
}
