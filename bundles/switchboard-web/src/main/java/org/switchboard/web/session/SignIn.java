package org.switchboard.web.session;

/** {@code {"user","password"}}: a sign-in with the realm's credentials. Never logged. */
public record SignIn(String user, String password) {
    @Override
    public String toString() {
        return "SignIn[" + user + ", ****]";
    }
}
