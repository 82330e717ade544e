package org.switchboard.telephony.callback;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.EndReason;
import org.switchboard.telephony.call.CallListener;
import org.switchboard.telephony.call.EndedCall;

/**
 * Fills the callback worklist from the calls that end: a missed or abandoned call opens an entry (or
 * counts one more call on the number's open entry); an answered call from a number on the worklist
 * closes its entry ({@code CALLED_AGAIN}): the customer reached someone. Withheld numbers cannot be called
 * back and stay off the list.
 */
@Component(service = {CallbackWorklist.class, CallListener.class})
public final class CallbackWorklist implements CallListener {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackWorklist.class);

    private final CallbackStore store;

    @Activate
    public CallbackWorklist(@Reference CallbackStore store) {
        this.store = store;
    }

    @Override
    public void ended(EndedCall call) {
        if (call.unanswered() && !PhoneNumbers.isDialable(call.number())) {
            LOG.info("Interaction {} ({} on PBX {}) came from a withheld number: nothing to call back",
                    call.interactionId(), call.reason(), call.pbx());
        } else if (call.unanswered()) {
            store.recordUnanswered(call);
            LOG.info("Interaction {} ({} on PBX {}) is on the callback worklist", call.interactionId(), call.reason(),
                    call.pbx());
            LOG.debug("Callback wanted for {}", call.number());
        } else if (call.reason() == EndReason.COMPLETED) {
            store.closeFor(call.number(), Callback.CALLED_AGAIN, call.agent()).ifPresent(closed ->
                    LOG.info("Callback {} closed: the customer called again and reached agent {}", closed.id(),
                            call.agent()));
        }
    }
}
