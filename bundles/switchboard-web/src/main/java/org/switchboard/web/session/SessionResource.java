package org.switchboard.web.session;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.web.limits.BoundedBody;
import org.switchboard.web.rest.RestResource;
import org.switchboard.web.security.Authentication;
import org.switchboard.web.security.BasicAuthFilter;
import org.switchboard.web.security.Caller;
import org.switchboard.web.security.SessionCookie;
import org.switchboard.web.security.Sessions;

/**
 * {@code /session}: a browser signs in once with the realm's credentials (JSON or HTTP Basic) and
 * gets an HttpOnly, SameSite=Strict session cookie that every resource and event stream accepts in
 * place of HTTP Basic; it lasts until unused for the configured time or until sign-out. A page
 * embedded in another site (the CRM widget) asks for the session's token with {@code ?token=true}
 * and sends it as {@code Authorization: Bearer}, since browsers send it no SameSite cookie.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@BoundedBody
public final class SessionResource {
    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);

    private final Authentication authentication;
    private final Clock clock;

    public SessionResource(Authentication authentication, Clock clock) {
        this.authentication = authentication;
        this.clock = clock;
    }

    /** Signs in: {@code {"user","password"}}, or no body and an {@code Authorization: Basic} header. */
    @POST
    @PermitAll
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Sign in; answers the session and sets its cookie")
    public Response signIn(SignIn credentials, @QueryParam("token") boolean withToken,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                           @HeaderParam(BasicAuthFilter.SCRIPT_HEADER) String requestedWith,
                           @Context SecurityContext security) {
        Optional<Caller> caller = credentials != null && credentials.user() != null
                ? authentication.login(credentials.user(), credentials.password())
                : authentication.loginBasic(authorization);
        if (caller.isEmpty()) {
            return BasicAuthFilter.unauthorized("user name or password is wrong", requestedWith);
        }
        Sessions sessions = authentication.sessions();
        Sessions.Session session = sessions.open(caller.get());
        LOG.info("{} signed in", caller.get().login());
        SessionBody body = SessionBody.of(session.caller(), session.expires());
        return Response.ok(withToken ? body.withToken(session.token()) : body)
                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.token(), sessions.idle(), security.isSecure()))
                .build();
    }

    /** Who is signed in. */
    @GET
    @RolesAllowed({RestResource.AGENT, RestResource.SUPERVISOR, RestResource.ADMIN, RestResource.INTEGRATION})
    @Operation(summary = "The signed-in user and their roles")
    public SessionBody current(@Context SecurityContext security) {
        Caller caller = new Caller(security.getUserPrincipal().getName(),
                RestResource.ROLES.stream().filter(security::isUserInRole).collect(Collectors.toSet()));
        return SessionBody.of(caller, clock.instant().plus(authentication.sessions().idle()));
    }

    /** Signs out: the session ends and the browser forgets the cookie. */
    @DELETE
    @PermitAll
    @Operation(summary = "Sign out")
    public Response signOut(@HeaderParam(HttpHeaders.COOKIE) String cookies,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Context SecurityContext security) {
        String bearer = Authentication.bearerToken(authorization);
        authentication.sessions().close(bearer != null ? bearer : SessionCookie.tokenIn(cookies));
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(security.isSecure())).build();
    }
}
