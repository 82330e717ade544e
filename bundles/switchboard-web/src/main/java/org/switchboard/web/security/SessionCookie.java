package org.switchboard.web.security;

import java.time.Duration;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites cannot make
 * the browser send it), limited to the REST API's path, Secure when the request came over HTTPS.
 */
public final class SessionCookie {
    public static final String NAME = "SWITCHBOARD_SESSION";
    static final String PATH = "/switchboard/api";

    private SessionCookie() {
    }

    /** The {@code Set-Cookie} value that hands out {@code token} for {@code maxAge}. */
    public static String set(String token, Duration maxAge, boolean secure) {
        return NAME + "=" + token + "; Path=" + PATH + "; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the browser forget the cookie. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The session token in a {@code Cookie} request header, or {@code null}. */
    public static String tokenIn(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String pair = part.strip();
            if (pair.startsWith(NAME + "=")) {
                String value = pair.substring(NAME.length() + 1).strip();
                return value.isEmpty() || value.length() > 128 ? null : value;
            }
        }
        return null;
    }
}
