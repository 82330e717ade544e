package org.switchboard.telephony.campaign;

import org.switchboard.api.spi.TelephonyException;

/**
 * A PBX that places reminder calls: it dials the customer and, once they answer, runs the reminder
 * context of its dialplan, and reports each call's outcome to its listeners.
 */
public interface ReminderLine {
    /** The PBX's id ({@code pbx} of a campaign). */
    String id();

    /**
     * Places the call asynchronously; its outcome comes later to the listeners, under {@link ReminderCall#callId()}.
     *
     * @throws TelephonyException the PBX is not connected or refused the call
     */
    void originateReminder(ReminderCall call) throws TelephonyException;

    /** From now on, outcomes of reminder calls on this PBX also go to this listener. */
    void listen(ReminderListener listener);

    /** Outcomes no longer go to this listener. */
    void unlisten(ReminderListener listener);
}
