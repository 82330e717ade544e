package org.switchboard.camel.routes;

/** Turns a failure into the one line an operator reads in the log and the health check. */
final class Problems {

    private static final int MAX_LENGTH = 1000;

    private Problems() {
    }

    /**
     * The failure's message, followed by its root cause's message when the first does not
     * already contain it, on one line (YAML parser messages span several).
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = messageOf(failure);
        String rootMessage = messageOf(root);
        String line = root == failure || top.contains(rootMessage) ? top : top + " (" + rootMessage + ")";
        line = line.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
    }

    private static String messageOf(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }
}
