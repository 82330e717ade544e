package org.switchboard.telephony.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueEntryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.EndReason;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Receipt;
import org.switchboard.api.RoutingMode;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.telephony.asterisk.SwitchboardIvrEvent;

/**
 * The one place where a PBX's AMI events become Switchboard interactions. One instance per PBX,
 * fed by one thread (the PBX's event worker), never by the AMI reader thread; not thread-safe.
 *
 * <p>A call is known by its {@code Linkedid}, shared by every channel of the call (the customer's,
 * the agent legs, the legs after a transfer). The mapping:
 * <table>
 * <caption>AMI event → what Switchboard hears</caption>
 * <tr><td>{@code Newchannel} whose {@code Uniqueid} is its {@code Linkedid} (the call's first
 *     channel), in an inbound context (and on an inbound DID, when those are configured)</td>
 *     <td>{@link ContactIngress#accept}: channel {@code voice}, externalId = Linkedid, from = CallerIDNum,
 *     entry point = the DID ({@code Exten}), routing {@link RoutingMode#EXTERNAL}</td></tr>
 * <tr><td>{@code QueueCallerJoin}</td><td>{@link InteractionEvents#queued} in the PBX queue's name</td></tr>
 * <tr><td>{@code AgentCalled} (queue) or {@code DialBegin} (plain Dial) to an agent's device</td>
 *     <td>{@link InteractionEvents#offered}: the pop, while the phone rings; once per ring of a phone
 *     (a {@code DialEnd} of the agent's leg ends the ring, so a retry pops again)</td></tr>
 * <tr><td>{@code AgentConnect} or {@code BridgeEnter} of an agent's channel</td>
 *     <td>{@link InteractionEvents#answered}</td></tr>
 * <tr><td>{@code DialBegin} or {@code BridgeEnter} of another agent's device once the call was
 *     answered (after {@code BlindTransfer}, {@code Redirect} or an attended transfer)</td>
 *     <td>{@link InteractionEvents#transferred}: the new agent gets the pop</td></tr>
 * <tr><td>{@code QueueCallerAbandon}</td><td>remembered: the call ends {@link EndReason#ABANDONED}</td></tr>
 * <tr><td>{@code Hangup} of the customer's channel</td><td>{@link InteractionEvents#ended}: answered →
 *     {@link EndReason#COMPLETED}; left a queue unanswered, or hung up before any phone rang →
 *     {@link EndReason#ABANDONED}; rang an agent who did not answer → {@link EndReason#MISSED}</td></tr>
 * </table>
 * A call an agent placed ({@link #placed}: click-to-call, a callback) is followed by its id, which is its
 * Linkedid: its first event makes it a {@code voice} contact, {@link Direction#OUTBOUND}, from = the number
 * dialled, with the agent as target (the core offers it to them and pops the customer's card); the agent's
 * channel entering the bridge with the customer is the answer, the hang-up of the agent's channel the end
 * ({@link EndReason#COMPLETED} once answered, else {@link EndReason#MISSED}). Such a call never reaches the
 * {@link CallListener}: nothing to call back.
 * Every other event is ignored. After a (re)connect, {@link #resync} compares what the PBX says is up
 * ({@code CoreShowChannels}, {@code QueueStatus}) with what is tracked: calls that ended meanwhile end,
 * calls that started meanwhile are accepted (the core answers a Linkedid it already has with the first
 * receipt, so nothing is counted twice), and the agent who answers or whose phone rings is reported.
 *
 * <p>A report the core refuses (store down) is logged and not retried; an {@code accept} that fails
 * because the store is down is tried again on the call's next event, so the call is not lost.
 */
public final class CallLifecycle {
    /** The channel calls come in on. */
    public static final Channel VOICE = Channel.VOICE;
    /** Metadata key: the PBX the call came through. */
    public static final String META_PBX = "pbx";
    /** Metadata key: the customer's channel on the PBX. */
    public static final String META_CHANNEL = "channel";

    private static final Logger LOG = LoggerFactory.getLogger(CallLifecycle.class);
    private static final String ANONYMOUS = "anonymous";
    /** The start of the ids of the calls Switchboard places ({@code ChannelId}, hence their Linkedid). */
    public static final String PLACED_PREFIX = "sb-";
    /** A number the PBX dials: an optional + and digits (the {@code Exten} a placed call runs at). */
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{3,20}");
    /** How long a placed call may wait for its first event before it is forgotten. */
    private static final Duration PLACED_TTL = Duration.ofMinutes(10);

    private final String pbxId;
    private final Set<String> inboundContexts;
    private final Set<String> inboundDids;
    private final ContactIngress ingress;
    private final InteractionEvents events;
    private final DeviceDirectory devices;
    private final CallListener listener;
    private final Clock clock;
    private final Map<String, Call> calls = new HashMap<>();
    /** Calls agents placed whose first event has not been applied yet, by call id; written by any thread. */
    private final Map<String, Placed> placed = new ConcurrentHashMap<>();

    /**
     * @param inboundContexts dialplan contexts inbound calls start in (the trunk's, e.g. {@code from-trunk})
     * @param inboundDids     the DIDs that count as inbound; empty for every number in those contexts
     */
    public CallLifecycle(String pbxId, Set<String> inboundContexts, Set<String> inboundDids, ContactIngress ingress,
                         InteractionEvents events, DeviceDirectory devices, CallListener listener, Clock clock) {
        this.pbxId = pbxId;
        this.inboundContexts = Set.copyOf(inboundContexts);
        this.inboundDids = Set.copyOf(inboundDids);
        this.ingress = ingress;
        this.events = events;
        this.devices = devices;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * A call an agent places: its events (Linkedid = {@code callId}) are followed from now on. Call it before
     * the PBX is asked to place the call, from any thread.
     *
     * @param number the number dialled
     */
    public void placed(String callId, String agentId, String number) {
        Instant now = clock.instant();
        placed.values().removeIf(p -> p.at().isBefore(now.minus(PLACED_TTL)));
        placed.put(callId, new Placed(agentId, number, now));
    }

    /** The PBX refused a call announced with {@link #placed}; from any thread. */
    public void notPlaced(String callId) {
        placed.remove(callId);
    }

    /** Applies one event; events that do not concern a tracked call change nothing. */
    public void apply(ManagerEvent event) {
        if (event instanceof NewChannelEvent e) {
            newChannel(e);
        } else if (event instanceof QueueCallerJoinEvent e) {
            withCall(e.getLinkedId(), call -> queued(call, e.getQueue(), at(e)));
        } else if (event instanceof AgentCalledEvent e) {
            withCall(e.getLinkedId(), call -> agentOf(e.getInterface(), e.getDestChannel())
                    .ifPresent(agent -> ringing(call, agent, at(e))));
        } else if (event instanceof DialBeginEvent e) {
            withCall(e.getLinkedId() != null ? e.getLinkedId() : e.getDestLinkedId(), call ->
                    agentOf(e.getDestChannel(), null).ifPresent(agent -> ringing(call, agent, at(e))));
        } else if (event instanceof DialEndEvent e) {
            withCall(e.getLinkedId() != null ? e.getLinkedId() : e.getDestLinkedId(), call ->
                    agentOf(e.getDestChannel(), null).ifPresent(call.ringingNow::remove));
        } else if (event instanceof AgentConnectEvent e) {
            withCall(e.getLinkedId(), call -> agentOf(e.getInterface(), e.getDestChannel())
                    .ifPresent(agent -> answered(call, agent, at(e))));
        } else if (event instanceof BridgeEnterEvent e) {
            withCall(e.getLinkedId(), call -> agentOf(e.getChannel(), null)
                    .ifPresent(agent -> answered(call, agent, at(e))));
        } else if (event instanceof SwitchboardIvrEvent e) {
            withCall(e.getLinkedid(), call -> menuChoice(call, e.getMenu(), e.getChoice(), at(e)));
        } else if (event instanceof QueueCallerAbandonEvent e) {
            withCall(e.getLinkedId(), call -> call.abandoned = true);
        } else if (event instanceof HangupEvent e) {
            Call call = find(e.getLinkedId());
            if (call != null && call.customerUniqueId.equals(e.getUniqueId())) {
                end(call, at(e));
            }
        }
    }

    /**
     * Brings the tracked calls in line with what the PBX says is up now.
     *
     * @param channels every channel {@code CoreShowChannels} listed
     * @param waiting  every caller {@code QueueStatus} listed as waiting
     */
    public void resync(List<CoreShowChannelEvent> channels, List<QueueEntryEvent> waiting) {
        Instant now = clock.instant();
        Map<String, List<CoreShowChannelEvent>> byCall = new LinkedHashMap<>();
        for (CoreShowChannelEvent c : channels) {
            if (c.getLinkedid() != null) {
                byCall.computeIfAbsent(c.getLinkedid(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Call call : List.copyOf(calls.values())) {
            if (!byCall.containsKey(call.linkedId)) {
                LOG.info("Call {} on PBX {} ended while the connection was down", call.linkedId, pbxId);
                end(call, now);
            }
        }
        Map<String, String> queueOf = new HashMap<>();
        for (QueueEntryEvent entry : waiting) {
            queueOf.put(entry.getUniqueId(), entry.getQueue());
        }
        int started = 0;
        for (Map.Entry<String, List<CoreShowChannelEvent>> e : byCall.entrySet()) {
            CoreShowChannelEvent customer = e.getValue().stream()
                    .filter(c -> e.getKey().equals(c.getUniqueid())).findFirst().orElse(null);
            if (customer == null) {
                continue;
            }
            Call call = find(e.getKey());
            if (call == null) {
                if (inbound(customer.getContext(), customer.getExten())) {
                    call = start(e.getKey(), customer.getUniqueid(), customer.getChannel(), customer.getCallerIdNum(),
                            customer.getCallerIdName(), customer.getExten(), now.minus(duration(customer.getDuration())));
                } else {
                    call = placedEarlier(customer, now);
                }
                if (call == null) {
                    continue;
                }
                started++;
            }
            if (call.placedBy != null && notEmpty(customer.getBridgeid())) {
                // the agent's own call: their channel in a bridge means the customer picked up
                answered(call, call.placedBy, now);
            }
            String queue = queueOf.get(customer.getUniqueid());
            if (queue != null) {
                queued(call, queue, now);
            }
            for (CoreShowChannelEvent leg : e.getValue()) {
                if (leg == customer) {
                    continue;
                }
                Optional<String> agent = agentOf(leg.getChannel(), null);
                if (agent.isEmpty()) {
                    continue;
                }
                if (notEmpty(leg.getBridgeid()) && leg.getBridgeid().equals(customer.getBridgeid())) {
                    answered(call, agent.get(), now);
                } else if ("Ringing".equalsIgnoreCase(leg.getChannelStateDesc())) {
                    ringing(call, agent.get(), now);
                }
            }
        }
        LOG.info("PBX {} resynchronised: {} calls up, {} of them new", pbxId, calls.size(), started);
    }

    /**
     * A call an agent placed before this lifecycle knew of it (Switchboard restarted during the call): its id is
     * one Switchboard gave ({@value #PLACED_PREFIX}...), its first channel rings or runs on an agent's phone, and
     * that channel dials the customer's number ({@code Exten}) or is connected to it.
     */
    private Call placedEarlier(CoreShowChannelEvent first, Instant now) {
        if (!first.getLinkedid().startsWith(PLACED_PREFIX)) {
            return null;
        }
        Optional<String> agent = agentOf(first.getChannel(), null);
        String number = dialable(first.getExten()) ? first.getExten() : first.getConnectedLineNum();
        if (agent.isEmpty() || !dialable(number)) {
            return null;
        }
        Call call = new Call(first.getLinkedid(), first.getUniqueid(), null, number.strip(), null, null,
                now.minus(duration(first.getDuration())));
        call.placedBy = agent.get();
        calls.put(call.linkedId, call);
        accept(call);
        return call;
    }

    private static boolean dialable(String number) {
        return number != null && DIALLABLE.matcher(number.strip()).matches();
    }

    /** How many calls are up. */
    public int liveCalls() {
        return calls.size();
    }

    private void newChannel(NewChannelEvent e) {
        String linkedId = e.getLinkedid();
        if (linkedId == null || !linkedId.equals(e.getUniqueId()) || find(linkedId) != null
                || !inbound(e.getContext(), e.getExten())) {
            return;
        }
        start(linkedId, e.getUniqueId(), e.getChannel(), e.getCallerIdNum(), e.getCallerIdName(), e.getExten(), at(e));
    }

    private Call start(String linkedId, String uniqueId, String channel, String number, String name, String did,
                       Instant startedAt) {
        Call call = new Call(linkedId, uniqueId, channel, known(number) ? number.strip() : ANONYMOUS,
                known(name) ? name.strip() : null, did, startedAt);
        calls.put(linkedId, call);
        accept(call);
        return call;
    }

    /** The tracked call of this Linkedid; the first event of a placed call starts following it. */
    private Call find(String linkedId) {
        Call call = linkedId == null ? null : calls.get(linkedId);
        if (call != null || placed.isEmpty() || linkedId == null) {
            return call;
        }
        Placed p = placed.remove(linkedId);
        if (p == null) {
            return null;
        }
        call = new Call(linkedId, linkedId, null, p.number(), null, null, p.at());
        call.placedBy = p.agentId();
        calls.put(linkedId, call);
        accept(call);
        return call;
    }

    private void accept(Call call) {
        InboundContact.Builder builder = InboundContact.builder(VOICE, call.linkedId, Address.phone(call.number))
                .fromName(call.name)
                .entryPoint(call.did)
                .occurredAt(call.startedAt)
                .routing(RoutingMode.EXTERNAL)
                .metadata(META_PBX, pbxId);
        if (call.customerChannel != null) {
            builder.metadata(META_CHANNEL, call.customerChannel);
        }
        if (call.placedBy != null) {
            builder.direction(Direction.OUTBOUND).targetAgent(call.placedBy);
        }
        InboundContact contact = builder.build();
        try {
            Receipt receipt = ingress.accept(contact);
            call.interactionId = receipt.interactionId();
            LOG.debug("Call {} from {} on PBX {} is interaction {}", call.linkedId, call.number, pbxId,
                    receipt.interactionId());
        } catch (InvalidContactException e) {
            calls.remove(call.linkedId);
            LOG.warn("Call {} on PBX {} was refused by the core and is not followed: {}", call.linkedId, pbxId,
                    e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Call {} on PBX {} could not be stored yet; trying again on its next event", call.linkedId,
                    pbxId, e);
        }
    }

    private void withCall(String linkedId, Consumer<Call> action) {
        Call call = find(linkedId);
        if (call == null) {
            return;
        }
        if (call.interactionId == 0) {
            accept(call);
            if (call.interactionId == 0) {
                return;
            }
        }
        action.accept(call);
    }

    private void queued(Call call, String queue, Instant at) {
        if (queue == null || queue.equals(call.queue) || call.answered) {
            return;
        }
        call.queue = queue;
        report(call, "queued", () -> events.queued(call.interactionId, queue, at));
    }

    /** A choice in the PBX's voice menu: kept on the interaction as {@code ivr.<menu>}, shown in the pop. */
    private void menuChoice(Call call, String menu, String choice, Instant at) {
        if (choice == null || choice.isBlank()) {
            return;
        }
        String key = "ivr." + (menu == null || menu.isBlank() ? "choice" : menu.strip());
        report(call, "annotated", () -> events.annotated(call.interactionId, Map.of(key, choice.strip()), at));
    }

    private void ringing(Call call, String agent, Instant at) {
        if (call.answered) {
            transferred(call, agent, at);
            return;
        }
        if (!call.ringingNow.add(agent)) {
            return;
        }
        call.rang = true;
        report(call, "offered", () -> events.offered(call.interactionId, agent, at));
    }

    private void answered(Call call, String agent, Instant at) {
        if (call.answered) {
            transferred(call, agent, at);
            return;
        }
        call.answered = true;
        call.agent = agent;
        call.answeredAt = at;
        report(call, "answered", () -> events.answered(call.interactionId, agent, at));
    }

    private void transferred(Call call, String agent, Instant at) {
        if (agent.equals(call.agent)) {
            return;
        }
        call.agent = agent;
        report(call, "transferred", () -> events.transferred(call.interactionId, agent, at));
    }

    private void end(Call call, Instant at) {
        calls.remove(call.linkedId);
        EndReason reason;
        if (call.answered) {
            reason = EndReason.COMPLETED;
        } else if (call.placedBy != null) {
            reason = EndReason.MISSED;
        } else if (call.abandoned || !call.rang) {
            reason = EndReason.ABANDONED;
        } else {
            reason = EndReason.MISSED;
        }
        if (call.interactionId == 0) {
            accept(call);
            if (call.interactionId == 0) {
                return;
            }
        }
        report(call, "ended", () -> events.ended(call.interactionId, reason, at));
        if (call.placedBy != null) {
            return;
        }
        Instant waitedUntil = call.answeredAt != null ? call.answeredAt : at;
        Duration waited = Duration.between(call.startedAt, waitedUntil);
        try {
            listener.ended(new EndedCall(pbxId, call.interactionId, call.number, call.name, call.did, call.agent,
                    reason, call.startedAt, at, waited.isNegative() ? Duration.ZERO : waited));
        } catch (RuntimeException e) {
            LOG.error("Could not note the end of call {} on PBX {}", call.linkedId, pbxId, e);
        }
    }

    private void report(Call call, String what, Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            LOG.warn("The core did not take '{}' for call {} (interaction {}) on PBX {}: {}", what, call.linkedId,
                    call.interactionId, pbxId, e.toString());
        }
    }

    private Optional<String> agentOf(String device, String fallbackChannel) {
        Optional<String> agent = device == null ? Optional.empty() : devices.agentFor(DeviceDirectory.deviceOf(device));
        if (agent.isEmpty() && fallbackChannel != null) {
            agent = devices.agentFor(DeviceDirectory.deviceOf(fallbackChannel));
        }
        return agent;
    }

    private boolean inbound(String context, String exten) {
        return context != null && inboundContexts.contains(context)
                && (inboundDids.isEmpty() || inboundDids.contains(exten));
    }

    private Instant at(ManagerEvent event) {
        Double timestamp = event.getTimestamp();
        if (timestamp == null) {
            return clock.instant();
        }
        long micros = Math.round(timestamp * 1_000_000d);
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }

    private static Duration duration(String hhmmss) {
        if (hhmmss == null) {
            return Duration.ZERO;
        }
        String[] parts = hhmmss.strip().split(":");
        try {
            long seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static boolean known(String value) {
        return value != null && !value.isBlank() && !"<unknown>".equalsIgnoreCase(value.strip());
    }

    private static boolean notEmpty(String value) {
        return value != null && !value.isBlank();
    }

    private record Placed(String agentId, String number, Instant at) {
    }

    /** One call as far as it went. */
    private static final class Call {
        final String linkedId;
        final String customerUniqueId;
        final String customerChannel;
        final String number;
        final String name;
        final String did;
        final Instant startedAt;
        long interactionId;
        String queue;
        /** The agents whose phones ring now for this call. */
        final Set<String> ringingNow = new HashSet<>(4);
        /** Whether an agent's phone rang at all. */
        boolean rang;
        /** The agent who has the call: who answered, or whom it was transferred to. */
        String agent;
        boolean answered;
        Instant answeredAt;
        boolean abandoned;
        /** The agent who placed the call; {@code null} for an inbound call. */
        String placedBy;

        Call(String linkedId, String customerUniqueId, String customerChannel, String number, String name, String did,
             Instant startedAt) {
            this.linkedId = linkedId;
            this.customerUniqueId = customerUniqueId;
            this.customerChannel = customerChannel;
            this.number = number;
            this.name = name;
            this.did = did;
            this.startedAt = startedAt;
        }
    }
}
