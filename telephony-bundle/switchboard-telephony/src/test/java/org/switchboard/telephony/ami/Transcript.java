package org.switchboard.telephony.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recorded AMI transcript of a real Asterisk 22 ({@code src/test/resources/ami/}, format in its README):
 * what the server sent, as AMI messages.
 */
public final class Transcript {
    /** List-response events: answers to the recording client's own actions, not call events. */
    private static final Set<String> LIST_EVENTS = Set.of("CoreShowChannel", "CoreShowChannelsComplete",
            "QueueParams", "QueueMember", "QueueEntry", "QueueStatusComplete");

    private final String name;
    private final List<AmiMessage> received;

    private Transcript(String name, List<AmiMessage> received) {
        this.name = name;
        this.received = received;
    }

    public static Transcript load(String file) {
        try (InputStream in = Transcript.class.getResourceAsStream("/ami/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no transcript " + file);
            }
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Transcript parse(String name, String text) {
        List<AmiMessage> received = new ArrayList<>();
        List<String> block = null;
        boolean recv = false;
        for (String raw : text.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.equals("<<< RECV") || line.equals(">>> SENT")) {
                block = new ArrayList<>();
                recv = line.equals("<<< RECV");
            } else if (block != null && line.isEmpty()) {
                if (recv && !block.isEmpty()) {
                    received.add(new AmiMessage(block));
                }
                block = null;
            } else if (block != null && !line.startsWith("###")) {
                block.add(line);
            }
        }
        return new Transcript(name, List.copyOf(received));
    }

    /** The events the PBX produced for the calls, in order: no responses, no list items. */
    public List<AmiMessage> callEvents() {
        return received.stream()
                .filter(m -> m.get("Event") != null && !LIST_EVENTS.contains(m.get("Event")))
                .toList();
    }

    /** Every message of this event type the server sent (call events and list items alike). */
    public List<AmiMessage> events(String type) {
        return received.stream().filter(m -> type.equals(m.get("Event"))).toList();
    }

    /** The {@code n}-th (from 0) event of this type. */
    public AmiMessage event(String type, int n) {
        List<AmiMessage> all = events(type);
        if (n >= all.size()) {
            throw new IllegalArgumentException(name + " has " + all.size() + " " + type + " events");
        }
        return all.get(n);
    }

    @Override
    public String toString() {
        return name;
    }
}
