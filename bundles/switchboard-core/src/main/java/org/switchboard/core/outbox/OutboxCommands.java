package org.switchboard.core.outbox;

import java.util.UUID;
import org.switchboard.api.Channel;
import org.switchboard.core.store.OutboxTable.NewCommand;

/**
 * The commands the outbox knows, and their keys. Commands of one conversation and connector share
 * a sequence key and run in the order they were written; each has an idempotency key that the
 * connector stores, so a retry never writes twice.
 */
public final class OutboxCommands {
    public static final String OPEN_TICKET = "OPEN_TICKET";
    public static final String LOG_ACTIVITY = "LOG_ACTIVITY";
    public static final String UPDATE_TICKET = "UPDATE_TICKET";
    public static final String SEND_REPLY = "SEND_REPLY";
    /** The target of replies: {@code channel:} and the channel's id. */
    public static final String CHANNEL_TARGET = "channel:";
    /** The argument of a {@link #LOG_ACTIVITY} command that logs an agent's reply: this and the reply's id. */
    private static final String REPLY_ARGUMENT = "reply:";

    private OutboxCommands() {
    }

    /** The sequence of one conversation's commands to one connector. */
    public static String sequenceKey(String connector, long conversationId) {
        return "conversation:" + conversationId + ':' + connector;
    }

    /** Open the conversation's ticket; the first interaction's content is its description. */
    public static NewCommand openTicket(String connector, long conversationId, long interactionId) {
        return new NewCommand(connector, OPEN_TICKET, sequenceKey(connector, conversationId),
                "sb-ticket-" + conversationId + '-' + connector, conversationId, interactionId, null);
    }

    /** Log a follow-up interaction on the customer's record and the conversation's ticket. */
    public static NewCommand logActivity(String connector, long conversationId, long interactionId) {
        return new NewCommand(connector, LOG_ACTIVITY, sequenceKey(connector, conversationId),
                "sb-activity-" + interactionId + '-' + connector, conversationId, interactionId, null);
    }

    /**
     * Log an agent's reply that went out (stored in {@code sb_reply} under {@code replyId}) on the
     * customer's record and the conversation's ticket, after what came before it in the conversation.
     */
    public static NewCommand logReply(String connector, long conversationId, long interactionId, long replyId) {
        return new NewCommand(connector, LOG_ACTIVITY, sequenceKey(connector, conversationId),
                "sb-reply-log-" + replyId + '-' + connector, conversationId, interactionId, REPLY_ARGUMENT + replyId);
    }

    /** The reply a {@link #LOG_ACTIVITY} command logs, if it logs one. */
    static Long replyOf(String argument) {
        return argument != null && argument.startsWith(REPLY_ARGUMENT)
                ? Long.valueOf(argument.substring(REPLY_ARGUMENT.length())) : null;
    }

    /** Send an agent's reply (stored in {@code sb_reply} under the command's id) on the conversation's channel. */
    public static NewCommand sendReply(Channel channel, long conversationId, long interactionId) {
        return new NewCommand(CHANNEL_TARGET + channel.id(), SEND_REPLY, "conversation:" + conversationId + ":reply",
                "sb-reply-" + interactionId + '-' + UUID.randomUUID(), conversationId, interactionId, null);
    }

    /** Set the ticket's status; every request is a change of its own. */
    public static NewCommand updateTicket(String connector, long conversationId, String status) {
        return new NewCommand(connector, UPDATE_TICKET, sequenceKey(connector, conversationId),
                "sb-status-" + conversationId + '-' + connector + '-' + UUID.randomUUID(), conversationId, null, status);
    }
}
