package io.otedama.controller.auth;

import io.otedama.controller.api.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Reads the audit log (admin only), newest first, filterable by actor and action. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {
  private final AuditLog audit;

  public AuditResource(AuditLog audit) {
    this.audit = audit;
  }

  @GET
  public Page<AuditEntry> list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("page") @DefaultValue("1") @Min(1) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
    return audit.list(blankToNull(actor), blankToNull(action), page, size);
  }

  /** {@code {"actors": [...], "actions": [...]}}: what the log can be filtered by. */
  @GET
  @Path("/choices")
  public java.util.Map<String, java.util.List<String>> choices() {
    return audit.choices();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
