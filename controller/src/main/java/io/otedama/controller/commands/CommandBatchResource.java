package io.otedama.controller.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code POST /api/v1/commands/batch}: one command to many rigs, named by id or by the rigs table's
 * filters; 202 with the batch (its id, its size). Progress is {@code GET
 * /api/v1/commands/batches/{id}} ({@link CommandBatchProgressResource}).
 */
@Path("/api/v1/commands/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class CommandBatchResource {
  private final CommandBatches batches;

  public CommandBatchResource(CommandBatches batches) {
    this.batches = batches;
  }

  public record StartBatch(
      String type,
      JsonNode args,
      List<String> rigIds,
      CommandBatches.RigFilter filter,
      Integer timeoutSeconds) {}

  @POST
  public Response start(
      @Auth User user, @NotNull StartBatch body, @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "batch " + body.type());
    CommandBatch batch =
        batches.start(
            body.type(),
            body.args(),
            body.rigIds(),
            body.filter(),
            body.timeoutSeconds(),
            user.username());
    request.setProperty(
        AuditFilter.DETAIL,
        "batch " + batch.id() + ": " + batch.type() + " to " + batch.total() + " rigs");
    return Response.accepted(batch).build();
  }
}
