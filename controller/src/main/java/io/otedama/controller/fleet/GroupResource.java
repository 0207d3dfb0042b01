package io.otedama.controller.fleet;

import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
 * Rig groups: list (with rig counts), create, edit and delete (its rigs stay, in no group, and mine
 * on the default work profile). A group's work profile and its rigs are set through the work
 * feature ({@code /api/v1/groups/{id}/work-profile}, {@code .../rigs}), which moves the rigs' work
 * as well.
 */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class GroupResource {
  private final GroupService groups;

  public GroupResource(GroupService groups) {
    this.groups = groups;
  }

  public record CreateGroup(
      @NotBlank @Size(max = 128) String name,
      @Size(max = 64) String kind,
      @Size(max = 1000) String description) {}

  public record EditGroup(
      @Size(max = 128) String name,
      @Size(max = 64) String kind,
      @Size(max = 1000) String description) {}

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Group edit(
      @PathParam("id") long id,
      @NotNull @Valid EditGroup body,
      @Context ContainerRequestContext request) {
    Group group = groups.update(id, body.name(), body.kind(), body.description());
    request.setProperty(AuditFilter.DETAIL, "group " + id + " edited");
    return group;
  }

  @DELETE
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public GroupService.Deleted delete(
      @PathParam("id") long id, @Context ContainerRequestContext request) {
    GroupService.Deleted deleted = groups.delete(id);
    request.setProperty(
        AuditFilter.DETAIL,
        "group "
            + id
            + " "
            + deleted.name()
            + " deleted, "
            + deleted.rigsUngrouped()
            + " rigs ungrouped");
    return deleted;
  }

  @GET
  public Map<String, List<Group>> list() {
    return Map.of("items", groups.list());
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response create(
      @NotNull @Valid CreateGroup body, @Context ContainerRequestContext request) {
    Group group = groups.create(body.name(), body.kind(), body.description());
    request.setProperty(AuditFilter.DETAIL, "group " + group.id() + " " + group.name());
    return Response.status(Response.Status.CREATED).entity(group).build();
  }
}
