package org.switchboard.telephony.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.switchboard.telephony.ami.AmiMessage;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.ami.Transcript;

/** Plays recorded call events to the fake PBX's socket at a steady rate, noting when each ring is written. */
final class RingPacer {
    private RingPacer() {
    }

    /**
     * Writes copies of a call ({@code copy} gives the events of copy n) until {@code total} events are
     * written, {@code rate} a second. Once {@code warmUp} events are written, the instant each
     * {@code AgentCalled} is written goes into {@code written} under its Linkedid.
     */
    static void play(FakeAmiServer server, IntFunction<List<AmiMessage>> copy, int total, int rate, int warmUp,
                     Map<String, Long> written) throws IOException {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        int sent = 0;
        for (int n = 0; sent < total; n++) {
            for (AmiMessage e : copy.apply(n)) {
                byte[] wire = e.wire().getBytes(StandardCharsets.UTF_8);
                LockSupport.parkNanos(next - System.nanoTime());
                if ("AgentCalled".equals(e.get("Event")) && sent >= warmUp) {
                    written.put(e.get("Linkedid"), System.nanoTime());
                }
                server.playWire(wire);
                next += interval;
                sent++;
            }
        }
    }

    /** The recorded answered queue call, its {@code call} and {@code agent} events (the event mask Switchboard logs in with). */
    static List<AmiMessage> answeredQueueCall() throws IOException {
        Set<String> mask = Set.of("call", "agent");
        return Transcript.load("inbound-queue-answered.txt").callEvents().stream()
                .filter(e -> e.classes().stream().anyMatch(mask::contains)).toList();
    }

    /** The event with {@code suffix} after every Uniqueid and Linkedid, so that each copy is a call of its own. */
    static AmiMessage withIds(AmiMessage event, String suffix) {
        return withIds(event, suffix, UnaryOperator.identity());
    }

    /** As {@link #withIds(AmiMessage, String)}, with {@code other} applied to every other line. */
    static AmiMessage withIds(AmiMessage event, String suffix, UnaryOperator<String> other) {
        List<String> lines = new ArrayList<>();
        for (String line : event.lines()) {
            int colon = line.indexOf(':');
            String key = colon < 0 ? "" : line.substring(0, colon).toLowerCase(Locale.ROOT);
            lines.add(key.endsWith("uniqueid") || key.endsWith("linkedid") ? line + suffix : other.apply(line));
        }
        return new AmiMessage(lines);
    }
}
