package org.switchboard.camel.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;

/**
 * A component another bundle would register (like the core's {@code switchboard:}): producers
 * record the bodies sent to {@code <scheme>:<name>} under that name.
 */
public final class RecordingComponent extends DefaultComponent {

    private final Map<String, List<Object>> received = new ConcurrentHashMap<>();

    /** The bodies sent to {@code <scheme>:<name>} so far. */
    public List<Object> received(String name) {
        return received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        parameters.clear(); // takes any option, as the real switchboard: does channel=
        return new RecordingEndpoint(uri, this, remaining);
    }

    private static final class RecordingEndpoint extends DefaultEndpoint {
        private final String name;

        RecordingEndpoint(String uri, RecordingComponent component, String name) {
            super(uri, component);
            this.name = name;
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) {
                    ((RecordingComponent) getComponent()).received(name).add(exchange.getMessage().getBody());
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("recording endpoints only receive");
        }
    }
}
