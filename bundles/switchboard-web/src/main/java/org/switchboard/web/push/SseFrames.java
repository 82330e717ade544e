package org.switchboard.web.push;

import java.nio.charset.StandardCharsets;

/** Server-Sent Events frames: {@code id:}, {@code event:} and one {@code data:} line of JSON. */
final class SseFrames {

    private SseFrames() {
    }

    /** A frame; {@code id} is left out when negative. JSON holds no raw line breaks, so one data line does. */
    static byte[] frame(long id, String event, byte[] json) {
        String head = (id >= 0 ? "id: " + id + "\n" : "") + "event: " + event + "\ndata: ";
        byte[] start = head.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[start.length + json.length + 2];
        System.arraycopy(start, 0, frame, 0, start.length);
        System.arraycopy(json, 0, frame, start.length, json.length);
        frame[frame.length - 2] = '\n';
        frame[frame.length - 1] = '\n';
        return frame;
    }

    /** How soon a browser reconnects after a break. */
    static final long RETRY_MILLIS = 2000;
    private static final byte[] OPENING = ("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.US_ASCII);

    /**
     * The first frame of every stream, sent once the stream is registered: a client that has read it
     * gets everything published from then on.
     */
    static byte[] opening() {
        return OPENING.clone();
    }
}
