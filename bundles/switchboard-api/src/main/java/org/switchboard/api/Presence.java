package org.switchboard.api;

/** What an agent chose to be. Whether they are busy follows from their interactions. */
public enum Presence {
    /** Signed out: receives nothing. */
    OFFLINE,
    /** Ready: receives offers up to their capacity. */
    AVAILABLE,
    /** Signed in but not taking new contacts (break, meeting, training: the reason says which). */
    AWAY
}
