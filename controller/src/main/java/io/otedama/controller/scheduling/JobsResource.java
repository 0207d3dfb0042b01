package io.otedama.controller.scheduling;

import io.otedama.controller.api.ApiException;
import io.otedama.controller.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.quartz.SchedulerException;

/**
 * {@code GET /api/v1/jobs} (every job with its schedule, next run, last run and outcome) and {@code
 * POST /api/v1/jobs/{name}/run} (run it now, on whichever replica picks it up): admin only.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class JobsResource {
  private final QuartzScheduler scheduler;

  public JobsResource(QuartzScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @GET
  public Map<String, List<JobView>> list() {
    try {
      return Map.of("items", scheduler.jobs());
    } catch (SchedulerException e) {
      throw new ApiException(503, "The scheduler is not available: " + e.getMessage());
    }
  }

  @POST
  @Path("/{name}/run")
  public Response run(@PathParam("name") String name) {
    try {
      if (!scheduler.triggerNow(name)) {
        throw ApiException.notFound("There is no job named '" + name + "'.");
      }
    } catch (SchedulerException e) {
      throw new ApiException(503, "The scheduler is not available: " + e.getMessage());
    }
    return Response.accepted(Map.of("name", name, "triggered", true)).build();
  }
}
