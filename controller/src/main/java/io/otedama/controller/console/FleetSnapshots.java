package io.otedama.controller.console;

import io.otedama.controller.fleet.RigListQuery;
import io.otedama.controller.fleet.RigQueries;
import java.util.List;

/** Reads a {@link FleetSnapshot}: two indexed queries, cheap enough to run every few seconds. */
public class FleetSnapshots {
  static final int HOTTEST = 5;
  private static final RigListQuery HOTTEST_QUERY =
      RigListQuery.parse("online,stale", null, null, "-temperatureC", 1, HOTTEST);
  private final RigQueries queries;

  public FleetSnapshots(RigQueries queries) {
    this.queries = queries;
  }

  public FleetSnapshot read() {
    List<FleetSnapshot.HotRig> hottest =
        queries.list(HOTTEST_QUERY).items().stream()
            .filter(r -> r.temperatureC() != null)
            .map(r ->
                new FleetSnapshot.HotRig(r.id(), r.name(), r.status(), r.temperatureC(), r.group()))
            .toList();
    return new FleetSnapshot(queries.summary(null), hottest);
  }
}
