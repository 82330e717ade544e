package org.switchboard.api;

/**
 * Input that Switchboard refuses: a missing or malformed field. Nothing was stored. The message
 * names the field (dotted path for nested values, e.g. {@code from.value}) so that the sender
 * can fix it; REST answers it with {@code 400}.
 */
public class InvalidContactException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidContactException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The offending field, e.g. {@code externalId} or {@code from.value}. */
    public String field() {
        return field;
    }

    /** The same problem, reported for a field nested under {@code parent}. */
    public InvalidContactException nestedIn(String parent) {
        String problem = getMessage().substring(field.length() + 1);
        InvalidContactException nested = new InvalidContactException(parent + "." + field, problem);
        nested.initCause(this);
        return nested;
    }
}
