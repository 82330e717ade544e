package org.switchboard.telephony.asterisk;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code Event: UserEvent} with {@code UserEvent: SwitchboardReminder}: the reminder context's report of a
 * key the customer pressed, {@code UserEvent(SwitchboardReminder,Call: ${SB_CALL},Key: ${KEY})}.
 * asterisk-java builds it from its class name, once registered on the connection.
 */
public class SwitchboardReminderEvent extends UserEvent {
    private static final long serialVersionUID = 1L;

    private String call;
    private String key;

    public SwitchboardReminderEvent(Object source) {
        super(source);
    }

    /** The reminder call's id ({@code SB_CALL}). */
    public String getCall() {
        return call;
    }

    public void setCall(String call) {
        this.call = call;
    }

    /** The key pressed. */
    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
