package org.switchboard.telephony.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.api.EndReason;
import org.switchboard.api.spi.InteractionEvents;

/** An {@link InteractionEvents} that writes down each report as {@code "<interaction> <what> <argument>"}. */
public final class RecordingEvents implements InteractionEvents {
    private final List<String> reports = new ArrayList<>();
    private final List<Instant> times = new ArrayList<>();

    @Override
    public synchronized void queued(long interactionId, String queueId, Instant at) {
        add(interactionId + " queued " + queueId, at);
    }

    @Override
    public synchronized void offered(long interactionId, String agentId, Instant at) {
        add(interactionId + " offered " + agentId, at);
    }

    @Override
    public synchronized void answered(long interactionId, String agentId, Instant at) {
        add(interactionId + " answered " + agentId, at);
    }

    @Override
    public synchronized void transferred(long interactionId, String toAgentId, Instant at) {
        add(interactionId + " transferred " + toAgentId, at);
    }

    @Override
    public synchronized void annotated(long interactionId, Map<String, String> details, Instant at) {
        add(interactionId + " annotated " + new TreeMap<>(details), at);
    }

    @Override
    public synchronized void ended(long interactionId, EndReason reason, Instant at) {
        add(interactionId + " ended " + reason, at);
    }

    private void add(String report, Instant at) {
        reports.add(report);
        times.add(at);
    }

    public synchronized List<String> reports() {
        return List.copyOf(reports);
    }

    /** The reports of one interaction, without its id: {@code "offered agent-1001"}. */
    public synchronized List<String> reports(long interactionId) {
        String prefix = interactionId + " ";
        return reports.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).toList();
    }

    /** When the first report that starts with this text happened, as reported. */
    public synchronized Instant at(String report) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i).startsWith(report)) {
                return times.get(i);
            }
        }
        throw new AssertionError("no report " + report + " in " + reports);
    }
}
