package org.switchboard.channel.webhook;

import java.io.IOException;
import java.io.InputStream;
import javax.ws.rs.ClientErrorException;

/** Reads a request body of at most {@code maxBytes}; a larger one is refused with 413 before it is read whole. */
final class BoundedBody {
    static final int PAYLOAD_TOO_LARGE = 413;

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long declaredLength, int maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body;
    }

    private static ClientErrorException tooLarge(int maxBytes) {
        return new ClientErrorException("the request body is larger than " + maxBytes + " bytes", PAYLOAD_TOO_LARGE);
    }
}
