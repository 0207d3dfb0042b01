package io.otedama.controller.fleet;

import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Staff link rigs to a hosting client's account: {@code PUT|DELETE /accounts/{a}/rigs/{rig}}. */
@Path("/api/v1/accounts/{accountId}/rigs/{rigId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class ClientRigResource {
  private final ClientRigs clientRigs;
  private final RigQueries queries;

  public ClientRigResource(ClientRigs clientRigs, RigQueries queries) {
    this.clientRigs = clientRigs;
    this.queries = queries;
  }

  @PUT
  public Response assign(
      @PathParam("accountId") long accountId,
      @PathParam("rigId") String rigId,
      @Context ContainerRequestContext request) {
    if (!queries.exists(rigId)) {
      throw RigResource.noSuchRig(rigId);
    }
    clientRigs.assign(accountId, rigId);
    request.setProperty(AuditFilter.DETAIL, "rig " + rigId + " visible to account " + accountId);
    return Response.noContent().build();
  }

  @DELETE
  public Response unassign(
      @PathParam("accountId") long accountId,
      @PathParam("rigId") String rigId,
      @Context ContainerRequestContext request) {
    if (!clientRigs.unassign(accountId, rigId)) {
      throw RigResource.noSuchRig(rigId);
    }
    request.setProperty(AuditFilter.DETAIL, "rig " + rigId + " hidden from account " + accountId);
    return Response.noContent().build();
  }
}
