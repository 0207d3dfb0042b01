package io.otedama.controller.fleet;

import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/fleet/summary}, optionally for one group. */
@Path("/api/v1/fleet")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class FleetResource {
  private final RigQueries queries;

  public FleetResource(RigQueries queries) {
    this.queries = queries;
  }

  @GET
  @Path("/summary")
  public FleetSummary summary(@QueryParam("group") String group) {
    return queries.summary(group == null || group.isBlank() ? null : group.strip());
  }
}
