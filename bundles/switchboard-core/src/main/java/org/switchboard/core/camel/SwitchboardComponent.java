package org.switchboard.core.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.switchboard.api.Channel;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.RoutingMode;
import org.switchboard.core.ingress.IngressService;

/**
 * The {@code switchboard:} Camel component, so an integrator's own route hands contacts to the core:
 * <pre>
 * from("slack:#support")
 *     .setHeader("SwitchboardExternalId", simple("${header.SlackMessageTs}"))
 *     .setHeader("SwitchboardFrom", simple("slack:${header.SlackUser}"))
 *     .to("switchboard:inbound?channel=slack&amp;entryPoint=%23support");
 * </pre>
 * Endpoint {@code switchboard:inbound} takes the options {@code channel} (required),
 * {@code entryPoint} and {@code routing} ({@code CORE} or {@code EXTERNAL}). See
 * {@link InboundProducer} for the message it expects and the headers it sets.
 */
public final class SwitchboardComponent extends DefaultComponent {
    /** The service property under which the Camel runtime adds it, and its value. */
    public static final String SERVICE_PROPERTY = "switchboard.camel.component";
    public static final String SCHEME = "switchboard";

    private final IngressService ingress;

    public SwitchboardComponent(IngressService ingress) {
        this.ingress = ingress;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"inbound".equals(remaining)) {
            throw new IllegalArgumentException("Unknown switchboard endpoint '" + remaining
                    + "': the component offers switchboard:inbound?channel=<id>");
        }
        Object channel = parameters.remove("channel");
        if (channel == null) {
            throw new IllegalArgumentException("switchboard:inbound needs a channel, e.g. switchboard:inbound?channel=slack");
        }
        Object entryPoint = parameters.remove("entryPoint");
        Object routing = parameters.remove("routing");
        RoutingMode mode;
        try {
            mode = routing == null ? RoutingMode.CORE : RoutingMode.valueOf(routing.toString().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("switchboard:inbound routing must be CORE or EXTERNAL, not " + routing, e);
        }
        Channel ch;
        try {
            ch = new Channel(channel.toString());
        } catch (InvalidContactException e) {
            throw new IllegalArgumentException("switchboard:inbound " + e.getMessage(), e);
        }
        return new InboundEndpoint(uri, this, ingress, ch, entryPoint == null ? null : entryPoint.toString(), mode);
    }
}
