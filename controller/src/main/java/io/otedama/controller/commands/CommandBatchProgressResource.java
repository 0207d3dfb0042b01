package io.otedama.controller.commands;

import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Batch progress: {@code GET /api/v1/commands/batches} (recent) and {@code .../{id}}. */
@Path("/api/v1/commands/batches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class CommandBatchProgressResource {
  private final CommandBatches batches;

  public CommandBatchProgressResource(CommandBatches batches) {
    this.batches = batches;
  }

  @GET
  public Map<String, List<CommandBatch>> recent(
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
    return Map.of("items", batches.recent(limit));
  }

  @GET
  @Path("/{id}")
  public CommandBatch get(@PathParam("id") String id) {
    return batches.progress(id);
  }
}
