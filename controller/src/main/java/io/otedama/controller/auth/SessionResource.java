package io.otedama.controller.auth;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * The console's login: the same credentials and lockout as {@code POST /auth/token}, but the token
 * goes into an HttpOnly cookie and the reply carries the CSRF token the page sends back.
 */
@Path("/api/v1/auth/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {
  private final LoginService login;
  private final TokenService tokens;
  private final Clock clock;

  public SessionResource(LoginService login, TokenService tokens, Clock clock) {
    this.login = login;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Who is signed in, and the CSRF token for their state-changing requests. */
  public record Session(String username, String role, Long accountId, String csrfToken) {}

  @POST
  public Response create(
      @NotNull @Valid AuthResource.TokenRequest body,
      @Context ContainerRequestContext request,
      @Context HttpServletRequest servletRequest) {
    request.setProperty(AuditFilter.ACTOR, body.username());
    request.setProperty(AuditFilter.DETAIL, "console login");
    IssuedToken issued =
        login.login(body.username(), body.password(), servletRequest.getRemoteAddr());
    User user =
        tokens
            .authenticate(issued.token())
            .orElseThrow(() -> new IllegalStateException("a token just issued does not resolve"));
    return Response.ok(session(user, issued.token()))
        .cookie(
            SessionCookies.session(
                issued.token(), issued.expiresAt(), clock.instant(), servletRequest.isSecure()))
        .build();
  }

  @GET
  @PermitAll
  public Session current(@Auth User user, @CookieParam(SessionCookies.NAME) String sessionToken) {
    return session(user, sessionToken);
  }

  @DELETE
  @PermitAll
  public Response delete(
      @Auth User user,
      @CookieParam(SessionCookies.NAME) String sessionToken,
      @Context HttpServletRequest servletRequest) {
    if (sessionToken != null && !sessionToken.isBlank()) {
      tokens.revoke(sessionToken);
    }
    return Response.noContent().cookie(SessionCookies.cleared(servletRequest.isSecure())).build();
  }

  private static Session session(User user, String sessionToken) {
    // a bearer caller has no cookie session and so no CSRF token
    String csrf =
        sessionToken == null || sessionToken.isBlank()
            ? null
            : SessionCookies.csrfToken(sessionToken);
    return new Session(user.username(), user.role(), user.accountId(), csrf);
  }
}
