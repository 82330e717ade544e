package org.switchboard.core.pipeline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How contacts are processed.
 *
 * @param batchSize        contacts processed in one transaction at most
 * @param ticketConnectors the CRM connectors that keep a ticket per conversation, in order of preference
 * @param ticketPattern    finds a ticket number in a subject; group 1 is the number
 */
public record ProcessingSettings(int batchSize, List<String> ticketConnectors, Pattern ticketPattern) {
    public static final Pattern DEFAULT_TICKET_PATTERN = Pattern.compile("\\[([A-Z][A-Z0-9]*-\\d+)\\]");

    public ProcessingSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("processing.batchSize must be at least 1");
        }
        ticketConnectors = List.copyOf(ticketConnectors);
    }
}
