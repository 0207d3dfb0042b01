package io.otedama.controller.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.api.Page;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Rigs: the filtered list, one rig, its events and telemetry, and operator edits. */
@Path("/api/v1/rigs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT})
public class RigResource {
  private final RigQueries queries;
  private final RigUpdates updates;
  private final RigTelemetryQuery telemetry;
  private final ClientRigs clientRigs;

  public RigResource(
      RigQueries queries, RigUpdates updates, RigTelemetryQuery telemetry, ClientRigs clientRigs) {
    this.queries = queries;
    this.updates = updates;
    this.telemetry = telemetry;
    this.clientRigs = clientRigs;
  }

  /** Clients read only their account's rigs; another rig is "not found", as if it did not exist. */
  @GET
  public Page<Rig> list(
      @Auth User user,
      @QueryParam("status") String status,
      @QueryParam("group") String group,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size) {
    return queries.list(
        RigListQuery.parse(status, group, q, sort, page, size), ClientRigs.scopeOf(user));
  }

  @GET
  @Path("/{id}")
  public Rig get(@Auth User user, @PathParam("id") String id) {
    requireVisible(user, id);
    return queries.find(id).orElseThrow(() -> noSuchRig(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Rig update(
      @PathParam("id") String id, JsonNode body, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "rig " + id + ": " + updates.update(id, body));
    return queries.find(id).orElseThrow(() -> noSuchRig(id));
  }

  @GET
  @Path("/{id}/events")
  public Map<String, List<RigEvent>> events(
      @Auth User user,
      @PathParam("id") String id,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    requireVisible(user, id);
    if (!queries.exists(id)) {
      throw noSuchRig(id);
    }
    return Map.of("items", queries.events(id, limit));
  }

  @GET
  @Path("/{id}/telemetry")
  public TelemetrySeries telemetry(
      @Auth User user,
      @PathParam("id") String id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("step") String step) {
    requireVisible(user, id);
    return telemetry.series(id, from, to, step);
  }

  private void requireVisible(User user, String id) {
    if (!clientRigs.visible(user, id)) {
      throw noSuchRig(id);
    }
  }

  static ApiException noSuchRig(String id) {
    return ApiException.notFound("There is no rig with id '" + id + "'.");
  }
}
