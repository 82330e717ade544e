package org.switchboard.telephony.call;

/** Told about every inbound call that ended; called on the PBX's event worker, so it must not block long. */
@FunctionalInterface
public interface CallListener {

    void ended(EndedCall call);
}
