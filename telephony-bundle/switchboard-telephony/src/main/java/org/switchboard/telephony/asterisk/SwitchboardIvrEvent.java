package org.switchboard.telephony.asterisk;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code Event: UserEvent} with {@code UserEvent: SwitchboardIvr}: the dialplan's report of a choice
 * the caller made in a voice menu, {@code UserEvent(SwitchboardIvr,Menu: main,Choice: ${IVR_CHOICE})}
 * on the caller's channel; it names the call by the channel's {@code Linkedid}. asterisk-java builds it
 * from its class name, once registered on the connection.
 */
public class SwitchboardIvrEvent extends UserEvent {
    private static final long serialVersionUID = 1L;

    private String linkedid;
    private String menu;
    private String choice;

    public SwitchboardIvrEvent(Object source) {
        super(source);
    }

    /** The call's Linkedid (the interaction's external id). */
    public String getLinkedid() {
        return linkedid;
    }

    public void setLinkedid(String linkedid) {
        this.linkedid = linkedid;
    }

    /** Which menu ({@code main}, {@code language}, …). */
    public String getMenu() {
        return menu;
    }

    public void setMenu(String menu) {
        this.menu = menu;
    }

    /** What the caller chose (the digits pressed, or a name the dialplan gives the choice). */
    public String getChoice() {
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = choice;
    }
}
