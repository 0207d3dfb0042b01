package io.otedama.controller.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import java.security.Principal;
import java.util.Set;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an audit row for every mutating call (POST, PUT, PATCH, DELETE), refused ones included:
 * who (the authenticated user, or what a resource names, e.g. the username of a login attempt),
 * what (method and path, outcome status, a detail the resource may add), when, and from where.
 * Resources add context through the request properties {@link #ACTOR} and {@link #DETAIL}.
 */
public class AuditFilter implements ContainerResponseFilter {
  public static final String ACTOR = "otedama.audit.actor";
  public static final String DETAIL = "otedama.audit.detail";
  private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AuditLog audit;
  @Context private HttpServletRequest servletRequest;

  public AuditFilter(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (!MUTATING.contains(method)) {
      return;
    }
    Principal principal =
        request.getSecurityContext() == null
            ? null
            : request.getSecurityContext().getUserPrincipal();
    String actor = principal != null ? principal.getName() : (String) request.getProperty(ACTOR);
    String role = principal instanceof User u ? u.role() : null;
    String path = "/" + request.getUriInfo().getPath();
    String template = templateOf(request, path);
    Object detail = request.getProperty(DETAIL);
    try {
      audit.record(
          actor,
          role,
          method + " " + template,
          path,
          response.getStatus(),
          remoteAddress(),
          detail == null ? null : detail.toString());
    } catch (RuntimeException e) {
      // an audit failure must be loud, but it cannot undo the call that already happened
      LOG.error("Could not write the audit row for {} {}", method, path, e);
    }
  }

  private String remoteAddress() {
    try {
      return servletRequest == null ? null : servletRequest.getRemoteAddr();
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** The matched resource template ("/api/v1/rigs/{id}/commands"): actions group by it. */
  private static String templateOf(ContainerRequestContext request, String fallback) {
    if (!(request.getUriInfo() instanceof ExtendedUriInfo info)) {
      return fallback;
    }
    var matched = info.getMatchedTemplates();
    if (matched == null || matched.isEmpty()) {
      return fallback;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = matched.size() - 1; i >= 0; i--) {
      String t = matched.get(i).getTemplate();
      if (t.equals("/")) {
        continue;
      }
      if (!t.startsWith("/") && (sb.isEmpty() || sb.charAt(sb.length() - 1) != '/')) {
        sb.append('/');
      }
      sb.append(t);
    }
    String result = sb.toString().replaceAll("//+", "/");
    if (result.endsWith("/") && result.length() > 1) {
      result = result.substring(0, result.length() - 1);
    }
    return result.isEmpty() ? fallback : result;
  }
}
