package io.otedama.controller.auth;

import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Login (token issue), who-am-I, and logout (token revocation). */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
  private final LoginService login;
  private final TokenService tokens;

  public AuthResource(LoginService login, TokenService tokens) {
    this.login = login;
    this.tokens = tokens;
  }

  public record TokenRequest(
      @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 1024) String password) {}

  public record Me(String username, String role, Long accountId) {}

  @POST
  @Path("/token")
  public IssuedToken token(
      @NotNull @Valid TokenRequest body,
      @Context ContainerRequestContext request,
      @Context HttpServletRequest servletRequest) {
    request.setProperty(AuditFilter.ACTOR, body.username());
    request.setProperty(AuditFilter.DETAIL, "login");
    return login.login(body.username(), body.password(), servletRequest.getRemoteAddr());
  }

  @GET
  @Path("/me")
  @PermitAll
  public Me me(@Auth User user) {
    return new Me(user.username(), user.role(), user.accountId());
  }

  @POST
  @Path("/logout")
  @PermitAll
  public Response logout(@Auth User user, @HeaderParam(HttpHeaders.AUTHORIZATION) String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.badRequest("Logout revokes the bearer token sent in Authorization.");
    }
    tokens.revoke(header.substring(7).trim());
    return Response.noContent().build();
  }
}
