package org.switchboard.web.queues;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Comparator;
import java.util.List;
import org.switchboard.api.Channel;
import org.switchboard.api.Queue;
import org.switchboard.api.QueueStatus;

/**
 * {@code {"id","name","entryPoints","channels","skills","priority","serviceLevel":{"percent",
 * "thresholdSeconds"},"script","waiting","offered","active","longestWaitSeconds","agentsAvailable","agentsSignedIn"}}.
 */
public record QueueBody(String id, String name, List<String> entryPoints,
                        @ArraySchema(schema = @Schema(type = "string", example = "email")) List<Channel> channels,
                        List<String> skills, int priority, ServiceLevelBody serviceLevel, String script, int waiting, int offered,
                        int active, long longestWaitSeconds, int agentsAvailable, int agentsSignedIn) {

    /** The target: {@code percent} of contacts answered within {@code thresholdSeconds}. */
    public record ServiceLevelBody(int percent, long thresholdSeconds) {
    }

    public static QueueBody of(QueueStatus status) {
        Queue queue = status.queue();
        return new QueueBody(queue.id(), queue.name(), queue.entryPoints(),
                queue.channels().stream().sorted(Comparator.comparing(Channel::id)).toList(),
                queue.skills().stream().sorted().toList(), queue.priority(),
                new ServiceLevelBody(queue.serviceLevel().percent(), queue.serviceLevel().threshold().toSeconds()),
                queue.script(), status.waiting(), status.offered(), status.active(), status.longestWait().toSeconds(),
                status.agentsAvailable(), status.agentsSignedIn());
    }
}
