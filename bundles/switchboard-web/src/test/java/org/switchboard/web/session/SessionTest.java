package org.switchboard.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Queues;
import org.switchboard.web.queues.QueuesResource;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class SessionTest {
    private final Queues queues = mock(Queues.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(queues.list()).thenReturn(List.of(Samples.queue("support")));
        api = ApiFixture.start(new QueuesResource(queues));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieThatOpensTheApi() {
        HttpResponse<String> signIn = signIn(TestUser.ALICE);

        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(api.json(signIn).path("login").asText()).isEqualTo("alice");
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("SWITCHBOARD_SESSION=").contains("HttpOnly", "SameSite=Strict",
                "Path=/switchboard/api", "Max-Age=28800");

        HttpResponse<String> withCookie = api.send(api.request("/queues", null).header("Cookie", pair(cookie)));
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(api.json(withCookie).get(0).path("id").asText()).isEqualTo("support");
    }

    @Test
    void aWrongPasswordGetsNoCookie() {
        HttpResponse<String> signIn = signIn(TestUser.ALICE.withPassword("guessed-pw"));

        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(signIn.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(signIn.body()).doesNotContain("guessed-pw");
    }

    @Test
    void afterSignOutTheCookieOpensNothing() {
        String cookie = pair(signIn(TestUser.ALICE).headers().firstValue("Set-Cookie").orElseThrow());

        HttpResponse<String> signOut = api.send(api.request("/session", null).header("Cookie", cookie).DELETE());

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
        assertThat(api.send(api.request("/queues", null).header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void theConsolesScriptsGetA401WithoutABasicChallengeSoTheBrowserShowsNoPasswordDialog() {
        HttpResponse<String> response = api.send(api.request("/session", null)
                .header("X-Requested-With", "switchboard-console"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aMadeUpCookieIsAnswered401() {
        HttpResponse<String> response = api.send(api.request("/queues", null)
                .header("Cookie", "SWITCHBOARD_SESSION=made-up-token"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionSaysWhoIsSignedInAndTheirRoles() {
        String cookie = pair(signIn(TestUser.SAM).headers().firstValue("Set-Cookie").orElseThrow());

        HttpResponse<String> session = api.send(api.request("/session", null).header("Cookie", cookie));

        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(api.json(session).path("login").asText()).isEqualTo("sam");
        assertThat(api.json(session).path("roles").toString()).isEqualTo("[\"supervisor\"]");
    }

    @Test
    void anEmbeddedPageAsksForTheTokenAndUsesItAsBearerUntilItSignsOut() {
        HttpResponse<String> signIn = api.send(api.request("/session?token=true", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\",\"password\":\"" + TestUser.ALICE.password() + "\"}")));
        String token = api.json(signIn).path("token").asText();
        assertThat(token).isNotBlank();

        HttpResponse<String> withBearer = api.send(api.request("/queues", null).header("Authorization", "Bearer " + token));
        assertThat(withBearer.statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = api.send(api.request("/session", null).header("Authorization", "Bearer " + token).DELETE());
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(api.send(api.request("/queues", null).header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(401);
    }

    @Test
    void aPlainSignInDoesNotShowTheTokenToScripts() {
        assertThat(api.json(signIn(TestUser.ALICE)).has("token")).isFalse();
        assertThat(api.send(api.request("/queues", null).header("Authorization", "Bearer made-up-token")).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> signIn(TestUser user) {
        return api.send(api.request("/session", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":\"" + user.name() + "\",\"password\":\"" + user.password() + "\"}")));
    }

    /** {@code NAME=value} of a {@code Set-Cookie} header, as a browser sends it back. */
    static String pair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
