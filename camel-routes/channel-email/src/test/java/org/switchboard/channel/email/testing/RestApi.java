package org.switchboard.channel.email.testing;

import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.switchboard.web.server.ApiServer;
import org.switchboard.web.server.ApiSettings;

/**
 * Resources in the web bundle's real REST server on Jetty, as Karaf serves it, with a JAAS realm of
 * four users: {@code ivy} (integration), {@code ada} (admin), {@code alice} (agent), {@code sam}
 * (supervisor).
 */
public final class RestApi implements AutoCloseable {
    public static final String[] IVY = {"ivy", "ivy-secret"};
    public static final String[] ADA = {"ada", "ada-secret"};
    public static final String[] ALICE = {"alice", "alice-secret"};
    public static final String[] SAM = {"sam", "sam-secret"};
    private static final Map<String, String[]> USERS = Map.of(
            "ivy", new String[] {"ivy-secret", "integration"},
            "ada", new String[] {"ada-secret", "admin"},
            "alice", new String[] {"alice-secret", "agent"},
            "sam", new String[] {"sam-secret", "supervisor"});

    private final Configuration previousRealm;
    private final ApiServer api;
    private final Server jetty;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Serves these resources, with the email channel's OpenAPI document. */
    public RestApi(Object... resources) throws Exception {
        previousRealm = installRealm();
        api = new ApiServer(new ApiSettings("karaf", Duration.ofSeconds(5), 65536, Set.of()), null, Duration.ZERO);
        for (Object resource : resources) {
            api.add(resource, RestApi.class.getResource("/OSGI-INF/openapi/email.json"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(resources)
                .allMatch(r -> api.servedResources().contains(r.getClass())));
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(api.servlet()), "/switchboard/api/*");
        StatisticsHandler inFlight = new StatisticsHandler();
        inFlight.setHandler(context);
        jetty.setHandler(inFlight);
        jetty.setStopTimeout(5_000);
        jetty.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort()
                + "/switchboard/api");
    }

    public HttpResponse<String> get(String[] user, String path) {
        return send(request(path, user).GET(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String[] user, String path) {
        return send(request(path, user).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String[] user, String path) {
        return send(request(path, user).POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path, String[] user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        api.close();
        Configuration.setConfiguration(previousRealm);
    }

    private static Configuration installRealm() {
        Configuration previous;
        try {
            previous = Configuration.getConfiguration();
        } catch (SecurityException e) {
            previous = null;
        }
        AppConfigurationEntry entry = new AppConfigurationEntry(UsersLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of());
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
                return "karaf".equals(realm) ? new AppConfigurationEntry[] {entry} : null;
            }
        });
        return previous;
    }

    /** Karaf's principals for {@link #USERS}, as Karaf's login modules add them. */
    public static final class UsersLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler callbacks;
        private String user;

        @Override
        public void initialize(Subject subject, CallbackHandler callbacks, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.callbacks = callbacks;
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
            String[] known = USERS.get(name.getName());
            if (known == null || !known[0].equals(new String(password.getPassword()))) {
                throw new FailedLoginException("wrong user name or password");
            }
            user = name.getName();
            return true;
        }

        @Override
        public boolean commit() {
            subject.getPrincipals().add(new UserPrincipal(user));
            subject.getPrincipals().add(new RolePrincipal(USERS.get(user)[1]));
            return true;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }
}
