package org.switchboard.web.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;

/** Karaf's principals for the users handed in through the options, as Karaf's login modules add them. */
public final class TestLoginModule implements LoginModule {
    static final String USERS = "users";
    static final String LOGINS = "logins";

    private Subject subject;
    private CallbackHandler callbacks;
    private Map<String, TestUser> users;
    private AtomicInteger logins;
    private TestUser user;

    @Override
    @SuppressWarnings("unchecked")
    public void initialize(Subject subject, CallbackHandler callbacks, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbacks;
        this.users = (Map<String, TestUser>) options.get(USERS);
        this.logins = (AtomicInteger) options.get(LOGINS);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException(e.getMessage());
        }
        logins.incrementAndGet();
        TestUser known = users.get(name.getName());
        if (known == null || !known.password().equals(new String(password.getPassword()))) {
            throw new FailedLoginException("wrong user name or password");
        }
        user = known;
        return true;
    }

    @Override
    public boolean commit() {
        Set<java.security.Principal> principals = subject.getPrincipals();
        principals.add(new UserPrincipal(user.name()));
        user.roles().forEach(role -> principals.add(new RolePrincipal(role)));
        return true;
    }

    @Override
    public boolean abort() {
        user = null;
        return true;
    }

    @Override
    public boolean logout() {
        return true;
    }
}
