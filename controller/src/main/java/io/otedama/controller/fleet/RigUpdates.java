package io.otedama.controller.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.otedama.controller.api.ApiException;
import java.util.Iterator;
import org.jdbi.v3.core.Jdbi;

/**
 * Operator edits of a rig: rename, move to a group, or out of any group ({@code "groupId": null}).
 * Fields absent from the body stay as they are. A group change tells the {@link
 * GroupMembershipListener}, so the rig's work moves to its new group's profile at once.
 */
public class RigUpdates {
  private final Jdbi jdbi;
  private final GroupMembershipListener membership;

  public RigUpdates(Jdbi jdbi, GroupMembershipListener membership) {
    this.jdbi = jdbi;
    this.membership = membership;
  }

  /** Returns a one-line description of what changed, for the audit log. */
  public String update(String rigId, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest(
          "The body must be a JSON object like {\"name\":…,\"groupId\":…}.");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("name") && !field.equals("groupId")) {
        throw ApiException.badRequest(
            "Unknown field '" + field + "'; a rig update may set name and groupId.");
      }
    }
    if (!RigQueries.exists(jdbi, rigId)) {
      throw ApiException.notFound("There is no rig with id '" + rigId + "'.");
    }
    StringBuilder changed = new StringBuilder();
    if (body.has("name")) {
      JsonNode n = body.get("name");
      if (!n.isTextual() || n.asText().isBlank() || n.asText().length() > 128) {
        throw ApiException.badRequest("name must be a non-blank string of at most 128 characters.");
      }
      String name = n.asText().strip();
      jdbi.useHandle(h ->
          h.createUpdate("UPDATE rigs SET name = :name WHERE id = :id")
              .bind("name", name)
              .bind("id", rigId)
              .execute());
      changed.append("name=").append(name);
    }
    if (body.has("groupId")) {
      JsonNode g = body.get("groupId");
      Long groupId;
      if (g.isNull()) {
        groupId = null;
      } else if (g.canConvertToLong() && g.isIntegralNumber()) {
        groupId = g.asLong();
        if (!GroupService.exists(jdbi, groupId)) {
          throw ApiException.badRequest("There is no group with id " + groupId + ".");
        }
      } else {
        throw ApiException.badRequest("groupId must be a group id (a number) or null.");
      }
      jdbi.useHandle(h ->
          h.createUpdate("UPDATE rigs SET group_id = :group WHERE id = :id")
              .bind("group", groupId)
              .bind("id", rigId)
              .execute());
      membership.rigMoved(rigId, groupId);
      if (!changed.isEmpty()) {
        changed.append(", ");
      }
      changed.append("groupId=").append(groupId);
    }
    return changed.toString();
  }
}
