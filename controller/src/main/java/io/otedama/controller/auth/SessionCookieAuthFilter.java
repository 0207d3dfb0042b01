package io.otedama.controller.auth;

import io.dropwizard.auth.AuthFilter;
import io.otedama.controller.api.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.util.Set;

/**
 * Authenticates the console's session cookie. State-changing requests must also carry the session's
 * CSRF token in {@value SessionCookies#CSRF_HEADER}: a cookie alone never changes anything. Chained
 * before the bearer filter, so API clients with a bearer token are not affected.
 */
@Priority(Priorities.AUTHENTICATION)
public class SessionCookieAuthFilter extends AuthFilter<String, User> {
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(SessionCookies.NAME);
    String token = cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    if (token == null) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
    if (!SAFE_METHODS.contains(request.getMethod())
        && !SessionCookies.csrfMatches(
            token, request.getHeaderString(SessionCookies.CSRF_HEADER))) {
      throw new WebApplicationException(
          ErrorResponses.of(
              403,
              "A state-changing request with the session cookie needs the session's "
                  + SessionCookies.CSRF_HEADER
                  + " header."));
    }
    if (!authenticate(request, token, "SESSION")) {
      throw unauthorizedHandler.buildException(prefix, realm);
    }
  }

  /** Builds the filter with the usual authenticator, authorizer and 401 handler. */
  public static class Builder extends AuthFilterBuilder<String, User, SessionCookieAuthFilter> {
    @Override
    protected SessionCookieAuthFilter newInstance() {
      return new SessionCookieAuthFilter();
    }
  }
}
