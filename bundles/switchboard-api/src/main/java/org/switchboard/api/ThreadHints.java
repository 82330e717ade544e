package org.switchboard.api;

import java.util.List;

/**
 * What a channel knows about the conversation a contact belongs to. The core threads a contact
 * into an existing conversation when any hint matches one seen before.
 *
 * @param threadKey  a channel-scoped key shared by every contact of one conversation, e.g. a
 *                   Telegram chat id or a web-chat session id; {@code null} when the channel has none
 * @param inReplyTo  the source id this contact answers (email {@code In-Reply-To})
 * @param references earlier source ids of the same thread (email {@code References}), oldest first
 */
public record ThreadHints(String threadKey, String inReplyTo, List<String> references) {
    public static final ThreadHints NONE = new ThreadHints(null, null, List.of());
    private static final int MAX_REFERENCES = 100;

    public ThreadHints {
        threadKey = Checks.optional("thread.threadKey", threadKey, 512);
        inReplyTo = Checks.optional("thread.inReplyTo", inReplyTo, 998);
        references = Checks.list(references).stream()
                .filter(r -> r != null && !r.isBlank())
                .map(r -> Checks.bounded("thread.references", r.strip(), 998))
                .toList();
        if (references.size() > MAX_REFERENCES) {
            // a long thread: the most recent references are the ones that matter
            references = references.subList(references.size() - MAX_REFERENCES, references.size());
        }
    }

    public static ThreadHints key(String threadKey) {
        return new ThreadHints(threadKey, null, List.of());
    }

    public boolean isEmpty() {
        return threadKey == null && inReplyTo == null && references.isEmpty();
    }
}
