package org.switchboard.channel.email.mime;

/** A message that cannot become a contact as it is: it is stored raw with this message for an operator. */
public class MalformedMailException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
