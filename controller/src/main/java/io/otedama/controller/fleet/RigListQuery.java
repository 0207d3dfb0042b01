package io.otedama.controller.fleet;

import io.otedama.controller.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated rig list request: status filter, group (id or name), free text, sort column from a
 * whitelist ({@code -} prefix for descending), 1-based page.
 */
public record RigListQuery(
    List<String> statuses,
    String group,
    String text,
    String sortColumn,
    boolean descending,
    int page,
    int size) {
  public static final int MAX_SIZE = 500;

  /** API sort names to SQL expressions; nothing else ever reaches ORDER BY. */
  static final Map<String, String> SORTS = new LinkedHashMap<>();

  static {
    SORTS.put("name", "lower(r.name)");
    SORTS.put("id", "r.id");
    SORTS.put("status", "r.status");
    SORTS.put("hashrateHs", "r.hashrate_hs");
    SORTS.put("temperatureC", "r.temperature_c");
    SORTS.put("powerW", "r.power_w");
    SORTS.put("fanRpm", "r.fan_rpm");
    SORTS.put("lastSeen", "r.last_seen");
    SORTS.put("acceptedShares", "r.accepted_shares");
    SORTS.put("rejectedShares", "r.rejected_shares");
    SORTS.put("group", "lower(g.name)");
    SORTS.put("model", "r.model");
    SORTS.put("createdAt", "r.created_at");
  }

  public static RigListQuery parse(
      String status, String group, String q, String sort, Integer page, Integer size) {
    List<String> statuses = new ArrayList<>();
    if (status != null && !status.isBlank()) {
      for (String s : status.split(",")) {
        String st = s.strip();
        if (!RigStatus.isValid(st)) {
          throw ApiException.badRequest(
              "Unknown status '" + st + "'; use online, stale or offline (comma-separated).");
        }
        statuses.add(st);
      }
    }
    String sortName = sort == null || sort.isBlank() ? "name" : sort.strip();
    boolean desc = sortName.startsWith("-");
    if (desc) {
      sortName = sortName.substring(1);
    }
    String column = SORTS.get(sortName);
    if (column == null) {
      throw ApiException.badRequest(
          "Cannot sort by '"
              + sortName
              + "'; sortable: "
              + String.join(", ", SORTS.keySet())
              + " (prefix '-' for descending).");
    }
    int p = page == null ? 1 : page;
    int s = size == null ? 50 : size;
    if (p < 1) {
      throw ApiException.badRequest("page starts at 1.");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw ApiException.badRequest("size must be between 1 and " + MAX_SIZE + ".");
    }
    String text = q == null || q.isBlank() ? null : q.strip();
    if (text != null && text.length() > 200) {
      throw ApiException.badRequest("q is limited to 200 characters.");
    }
    return new RigListQuery(
        List.copyOf(statuses),
        group == null || group.isBlank() ? null : group.strip(),
        text,
        column,
        desc,
        p,
        s);
  }
}
