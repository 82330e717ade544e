package org.switchboard.telephony.campaign;

/** Hears what became of reminder calls; called on the PBX's event thread. */
public interface ReminderListener {
    /** How the attempt to reach the customer ended: {@code OriginateResponse} Success, or Failure with its Reason. */
    void originated(String callId, boolean answered, int reason);

    /** The customer pressed this key (the reminder context's {@code UserEvent(SwitchboardReminder,...)}). */
    void keyPressed(String callId, String key);

    /** An operator answered the customer ({@code AgentConnect} of the call). */
    void operatorReached(String callId);
}
