package org.switchboard.web.interactions;

/** {@code {"body"}}: what the agent writes back to the customer. */
public record ReplyRequest(String body) {
}
