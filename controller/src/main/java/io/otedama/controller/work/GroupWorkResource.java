package io.otedama.controller.work;

import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
 * {@code PUT /api/v1/groups/{id}/work-profile} {@code {"profile": name | null}} and {@code POST
 * /api/v1/groups/{id}/rigs} {@code {"rigIds": [...]}}: point a group at a profile, put rigs in a
 * group; either moves the rigs' work at once.
 */
public final class GroupWorkResource {
  private GroupWorkResource() {}

  public record PointAt(String profile) {}

  public record AddRigs(List<String> rigIds) {}

  /** The group's work profile. */
  @Path("/api/v1/groups/{groupId}/work-profile")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public static class Profile {
    private final GroupWork groups;

    public Profile(GroupWork groups) {
      this.groups = groups;
    }

    @PUT
    public Map<String, Object> point(
        @PathParam("groupId") long groupId,
        @NotNull PointAt body,
        @Context ContainerRequestContext request) {
      groups.pointAt(groupId, body.profile());
      request.setProperty(
          AuditFilter.DETAIL,
          "group " + groupId + " → " + (body.profile() == null ? "default" : body.profile()));
      return Map.of(
          "groupId", groupId, "profile", body.profile() == null ? "" : body.profile().strip());
    }
  }

  /** The group's rigs. */
  @Path("/api/v1/groups/{groupId}/rigs")
  @Produces(MediaType.APPLICATION_JSON)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public static class Rigs {
    private final GroupWork groups;

    public Rigs(GroupWork groups) {
      this.groups = groups;
    }

    @POST
    public Response add(
        @PathParam("groupId") long groupId,
        @NotNull AddRigs body,
        @Context ContainerRequestContext request) {
      GroupWork.Moved moved = groups.addRigs(groupId, body.rigIds());
      request.setProperty(AuditFilter.DETAIL, moved.moved() + " rigs into group " + groupId);
      return Response.ok(moved).build();
    }
  }
}
