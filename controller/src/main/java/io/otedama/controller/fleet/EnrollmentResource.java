package io.otedama.controller.fleet;

import io.dropwizard.auth.Auth;
import io.otedama.controller.auth.AuditFilter;
import io.otedama.controller.auth.Roles;
import io.otedama.controller.auth.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Enrollment: operators create tokens ({@code POST /api/v1/enrollment-tokens}); agents exchange one
 * for credentials ({@code POST /api/v1/enroll}, no bearer token: the enrollment token is the
 * credential).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnrollmentResource {
  private final EnrollmentTokens tokens;
  private final Enrollment enrollment;
  private final int defaultTtlHours;

  public EnrollmentResource(EnrollmentTokens tokens, Enrollment enrollment, int defaultTtlHours) {
    this.tokens = tokens;
    this.enrollment = enrollment;
    this.defaultTtlHours = defaultTtlHours;
  }

  public record CreateToken(
      @Min(1) @Max(100_000) Integer uses, @Min(1) @Max(8760) Integer ttlHours, Long groupId) {}

  public record TokenCreated(
      String token, java.time.Instant expiresAt, long id, int uses, Long groupId) {}

  public record EnrollRequest(
      @NotBlank @Size(max = 256) String token,
      @NotBlank
          @Pattern(
              regexp = "\\p{Graph}{1,128}",
              message = "must be 1 to 128 visible characters without spaces")
          String hardwareId,
      @Size(max = 128) String name,
      @Size(max = 128) String model) {}

  @POST
  @Path("/enrollment-tokens")
  @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
  public Response createToken(
      @Auth User user, @Valid CreateToken body, @Context ContainerRequestContext request) {
    CreateToken b = body == null ? new CreateToken(null, null, null) : body;
    int uses = b.uses() == null ? 1 : b.uses();
    int ttlHours = b.ttlHours() == null ? defaultTtlHours : b.ttlHours();
    EnrollmentTokens.Created created =
        tokens.create(uses, Duration.ofHours(ttlHours), b.groupId(), user.username());
    request.setProperty(
        AuditFilter.DETAIL,
        "enrollment token #" + created.id() + ", uses " + uses + ", group " + b.groupId());
    return Response.status(Response.Status.CREATED)
        .entity(
            new TokenCreated(
                created.token(), created.expiresAt(), created.id(), uses, created.groupId()))
        .build();
  }

  @POST
  @Path("/enroll")
  public Enrollment.Result enroll(
      @NotNull @Valid EnrollRequest body,
      @Context ContainerRequestContext request,
      @Context HttpServletRequest servletRequest) {
    request.setProperty(AuditFilter.ACTOR, "agent " + body.hardwareId());
    Enrollment.Result result =
        enrollment.enroll(
            new Enrollment.Request(
                body.token(),
                body.hardwareId(),
                blankToNull(body.name()),
                blankToNull(body.model())),
            servletRequest.getRemoteAddr());
    request.setProperty(AuditFilter.DETAIL, "rig " + result.rigId());
    return result;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
