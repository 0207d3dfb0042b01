package io.otedama.controller.firmware;

import io.dropwizard.auth.Auth;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/** Rollout campaigns and maintenance windows. */
@Path("/api/v1/firmware")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class CampaignResource {
  private final CampaignService campaigns;
  private final MaintenanceWindows windows;

  CampaignResource(CampaignService campaigns, MaintenanceWindows windows) {
    this.campaigns = campaigns;
    this.windows = windows;
  }

  @GET
  @Path("/campaigns")
  public Map<String, List<Campaign>> list() {
    return Map.of("items", campaigns.list());
  }

  @POST
  @Path("/campaigns")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response create(
      @Auth User user,
      CampaignService.CampaignSpec spec,
      @Context ContainerRequestContext request) {
    Campaign c = campaigns.create(spec, user.username());
    request.setProperty(AuditFilter.DETAIL, "campaign " + c.id() + " (" + c.name() + ")");
    return Response.status(201).entity(c).build();
  }

  @GET
  @Path("/campaigns/{id}")
  public Campaign get(@PathParam("id") long id) {
    return campaigns.get(id);
  }

  @GET
  @Path("/campaigns/{id}/rigs")
  public Map<String, List<CampaignRig>> rigs(
      @PathParam("id") long id, @QueryParam("wave") Integer wave) {
    return Map.of("items", campaigns.rigs(id, wave));
  }

  @POST
  @Path("/campaigns/{id}/start")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Campaign start(
      @PathParam("id") long id, @Context UriInfo uri, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "campaign " + id);
    return campaigns.start(id, uri.getBaseUri().toString());
  }

  @POST
  @Path("/campaigns/{id}/pause")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Campaign pause(@PathParam("id") long id, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "campaign " + id);
    return campaigns.pause(id);
  }

  @POST
  @Path("/campaigns/{id}/resume")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Campaign resume(@PathParam("id") long id, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "campaign " + id);
    return campaigns.resume(id);
  }

  @POST
  @Path("/campaigns/{id}/cancel")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Campaign cancel(@PathParam("id") long id, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "campaign " + id);
    return campaigns.cancel(id);
  }

  @POST
  @Path("/campaigns/{id}/retry")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Campaign retry(@PathParam("id") long id, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "campaign " + id);
    return campaigns.retry(id);
  }

  @GET
  @Path("/maintenance-windows")
  public Map<String, List<MaintenanceWindow>> windows() {
    return Map.of("items", windows.list());
  }

  @PUT
  @Path("/maintenance-windows/{groupId}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public MaintenanceWindow putWindow(
      @PathParam("groupId") long groupId,
      MaintenanceWindows.WindowSpec spec,
      @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "maintenance window of group " + groupId);
    return windows.put(groupId, spec);
  }

  @DELETE
  @Path("/maintenance-windows/{groupId}")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response deleteWindow(
      @PathParam("groupId") long groupId, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "maintenance window of group " + groupId);
    return windows.delete(groupId)
        ? Response.noContent().build()
        : ErrorBody.of(404, "Group " + groupId + " has no maintenance window.");
  }
}
