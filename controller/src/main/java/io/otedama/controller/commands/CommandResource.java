package io.otedama.controller.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** A rig's commands: issue one (202, delivery is asynchronous) and list them. */
@Path("/api/v1/rigs/{rigId}/commands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class CommandResource {
  private final CommandService commands;

  public CommandResource(CommandService commands) {
    this.commands = commands;
  }

  public record IssueCommand(String type, JsonNode args, Integer timeoutSeconds) {}

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response issue(
      @Auth User user,
      @PathParam("rigId") String rigId,
      @NotNull @Valid IssueCommand body,
      @Context ContainerRequestContext request) {
    request.setProperty(AuditFilter.DETAIL, "rig " + rigId + ": " + body.type());
    Command command =
        commands.issue(rigId, body.type(), body.args(), body.timeoutSeconds(), user.username());
    request.setProperty(
        AuditFilter.DETAIL, "rig " + rigId + ": " + body.type() + " as command " + command.id());
    return Response.accepted(command).build();
  }

  @GET
  public Map<String, List<Command>> list(
      @PathParam("rigId") String rigId,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return Map.of("items", commands.forRig(rigId, limit));
  }

  /** {@code GET /api/v1/commands/{id}}. */
  @Path("/api/v1/commands")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
  public static class ById {
    private final CommandService commands;

    public ById(CommandService commands) {
      this.commands = commands;
    }

    @GET
    @Path("/{id}")
    public Command get(@PathParam("id") String id) {
      return commands
          .find(id)
          .orElseThrow(() -> ApiException.notFound("There is no command with id '" + id + "'."));
    }
  }
}
