package io.otedama.controller.auth;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Named API tokens (admin only): {@code GET /api/v1/api-tokens}, {@code POST} {@code {"username",
 * "name", "role"?, "expiresInDays"?}} (201 with the token, shown this once), {@code DELETE /{id}}.
 */
@Path("/api/v1/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiTokenResource {
  private final ApiTokens tokens;

  public ApiTokenResource(ApiTokens tokens) {
    this.tokens = tokens;
  }

  public record CreateToken(String username, String name, String role, Integer expiresInDays) {}

  @GET
  public Map<String, List<ApiTokens.ApiToken>> list() {
    return Map.of("items", tokens.list());
  }

  @POST
  public Response create(
      @Auth User admin, @NotNull CreateToken body, @Context ContainerRequestContext request) {
    ApiTokens.CreatedApiToken created =
        tokens.create(
            body.username(), body.name(), body.role(), body.expiresInDays(), admin.username());
    request.setProperty(
        AuditFilter.DETAIL,
        "API token "
            + created.id()
            + " '"
            + created.name()
            + "' for "
            + created.username()
            + " as "
            + created.role());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @DELETE
  @Path("/{id}")
  public Response revoke(@PathParam("id") long id, @Context ContainerRequestContext request) {
    String name = tokens.revoke(id);
    request.setProperty(AuditFilter.DETAIL, "revoked API token " + id + " '" + name + "'");
    return Response.noContent().build();
  }
}
