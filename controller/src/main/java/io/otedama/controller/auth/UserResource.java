package io.otedama.controller.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** User administration (admin only). */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {
  private final UserService users;

  public UserResource(UserService users) {
    this.users = users;
  }

  public record CreateUser(
      @NotBlank String username,
      @NotBlank String password,
      @NotBlank String role,
      Long accountId) {}

  @GET
  public Map<String, List<UserView>> list() {
    return Map.of("items", users.list());
  }

  @POST
  public Response create(
      @NotNull @Valid CreateUser body, @Context ContainerRequestContext request) {
    UserView created =
        users.create(body.username(), body.password(), body.role(), body.accountId());
    request.setProperty(
        AuditFilter.DETAIL, "created user " + created.username() + " as " + created.role());
    return Response.status(Response.Status.CREATED).entity(created).build();
  }
}
