package org.switchboard.core.camel;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.switchboard.api.Channel;
import org.switchboard.api.RoutingMode;
import org.switchboard.core.ingress.IngressService;

/** {@code switchboard:inbound}: a producer-only endpoint that hands contacts to the core. */
final class InboundEndpoint extends DefaultEndpoint {
    private final IngressService ingress;
    private final Channel channel;
    private final String entryPoint;
    private final RoutingMode routing;

    InboundEndpoint(String uri, SwitchboardComponent component, IngressService ingress, Channel channel, String entryPoint,
                    RoutingMode routing) {
        super(uri, component);
        this.ingress = ingress;
        this.channel = channel;
        this.entryPoint = entryPoint;
        this.routing = routing;
    }

    @Override
    public Producer createProducer() {
        return new InboundProducer(this, ingress, channel, entryPoint, routing);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new IllegalStateException("switchboard:inbound can only be sent to (to(...)), not consumed (from(...))");
    }
}
