package org.switchboard.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A user name and password from an HTTP Basic {@code Authorization} header. Never logged. */
record Credentials(String user, String password) {

    static Optional<Credentials> fromBasicHeader(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "Credentials[" + user + ", ****]";
    }
}
