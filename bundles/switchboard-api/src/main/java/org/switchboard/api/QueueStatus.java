package org.switchboard.api;

import java.time.Duration;

/**
 * A queue as it is now.
 *
 * @param queue           the queue
 * @param waiting         contacts waiting for an agent
 * @param offered         contacts offered to an agent who has not answered yet
 * @param active          contacts being handled
 * @param longestWait     how long the oldest waiting contact has waited ({@link Duration#ZERO} if none)
 * @param agentsAvailable agents with this queue's skills who are available and have room
 * @param agentsSignedIn  agents with this queue's skills who are not offline
 */
public record QueueStatus(Queue queue, int waiting, int offered, int active, Duration longestWait,
                          int agentsAvailable, int agentsSignedIn) {
    public QueueStatus {
        Checks.notNull("queue", queue);
        Checks.notNull("longestWait", longestWait);
    }
}
