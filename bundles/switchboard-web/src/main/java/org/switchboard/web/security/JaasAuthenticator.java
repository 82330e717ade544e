package org.switchboard.web.security;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a user name and password against a JAAS realm (Karaf's {@code karaf} by default) and
 * collects the roles Karaf gives the user, their groups' roles included. Successful logins are
 * cached for a few seconds.
 */
public final class JaasAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);

    private final String realm;
    private final LoginCache cache;

    public JaasAuthenticator(String realm, Duration cacheFor, Clock clock) {
        this.realm = realm;
        this.cache = new LoginCache(cacheFor, clock);
    }

    Optional<Caller> authenticate(Credentials credentials) {
        Optional<Caller> cached = cache.get(credentials);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Caller> caller = login(credentials);
        caller.ifPresent(c -> cache.put(credentials, c));
        return caller;
    }

    private Optional<Caller> login(Credentials credentials) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads the realm's login module (Karaf's ProxyLoginModule) through the context class loader
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(realm, new Subject(), callbacks -> answer(callbacks, credentials));
            login.login();
            Subject subject = login.getSubject();
            String user = subject.getPrincipals(UserPrincipal.class).stream()
                    .map(Principal::getName).findFirst().orElse(credentials.user());
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(Principal::getName).collect(Collectors.toSet());
            return Optional.of(new Caller(user, roles));
        } catch (LoginException e) {
            LOG.debug("Login to realm {} refused: {}", realm, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void answer(Callback[] callbacks, Credentials credentials) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(credentials.user());
            } else if (callback instanceof PasswordCallback password) {
                password.setPassword(credentials.password().toCharArray());
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }
}
