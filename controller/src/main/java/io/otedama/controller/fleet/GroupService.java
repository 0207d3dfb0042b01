package io.otedama.controller.fleet;

import io.otedama.controller.api.ApiException;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Creates, lists, edits and deletes rig groups. Deleting a group leaves its rigs in no group (so
 * they mine on the default work profile) and tells the {@link GroupMembershipListener}.
 */
public class GroupService {
  private static final String SELECT =
      "SELECT g.id, g.name, g.kind, g.description, g.created_at,"
          + " (SELECT count(*) FROM rigs r WHERE r.group_id = g.id) AS rig_count"
          + " FROM rig_groups g";
  private final Jdbi jdbi;
  private final Clock clock;
  private final GroupMembershipListener membership;

  public GroupService(Jdbi jdbi, Clock clock, GroupMembershipListener membership) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.membership = membership;
  }

  /** What deleting a group did: its rigs are in no group now. */
  public record Deleted(long groupId, String name, int rigsUngrouped) {}

  /**
   * Deletes a group. Its rigs stay, in no group (the foreign key sets their group to null); its
   * work-profile pointer, maintenance window and enrollment tokens' group go with it (cascade or
   * set null). The rigs' work moves to the default profile through the listener.
   */
  public Deleted delete(long id) {
    record Gone(String name, List<String> rigs) {}
    Gone gone =
        jdbi.inTransaction(h -> {
          String name =
              h.createQuery("SELECT name FROM rig_groups WHERE id = :id FOR UPDATE")
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne()
                  .orElseThrow(
                      () -> ApiException.notFound("There is no group with id " + id + "."));
          List<String> rigs =
              h.createQuery("SELECT id FROM rigs WHERE group_id = :id ORDER BY id")
                  .bind("id", id)
                  .mapTo(String.class)
                  .list();
          h.createUpdate("DELETE FROM rig_groups WHERE id = :id").bind("id", id).execute();
          return new Gone(name, rigs);
        });
    membership.groupDeleted(id, gone.rigs());
    return new Deleted(id, gone.name(), gone.rigs().size());
  }

  public List<Group> list() {
    return jdbi.withHandle(
        h -> h.createQuery(SELECT + " ORDER BY lower(g.name)").map(GroupService::map).list());
  }

  public Group create(String name, String kind, String description) {
    long id =
        jdbi.withHandle(h ->
                h.createQuery(
                        "INSERT INTO rig_groups (name, kind, description, created_at)"
                            + " VALUES (:name, :kind, :description, :now)"
                            + " ON CONFLICT (name) DO NOTHING RETURNING id")
                    .bind("name", name.strip())
                    .bind("kind", kind == null || kind.isBlank() ? "group" : kind.strip())
                    .bind("description", description)
                    .bind("now", clock.instant())
                    .mapTo(Long.class)
                    .findOne())
            .orElseThrow(() ->
                ApiException.conflict("A group named '" + name.strip() + "' already exists."));
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE g.id = :id").bind("id", id).map(GroupService::map).one());
  }

  /** Renames a group or changes its kind or description (null leaves a field as it is). */
  public Group update(long id, String name, String kind, String description) {
    if (name != null && name.isBlank()) {
      throw ApiException.badRequest("A group name cannot be empty.");
    }
    int changed;
    try {
      changed =
          jdbi.withHandle(h ->
              h.createUpdate(
                      "UPDATE rig_groups SET name = COALESCE(:name, name),"
                          + " kind = COALESCE(:kind, kind),"
                          + " description = COALESCE(:description, description) WHERE id = :id")
                  .bind("name", name == null ? null : name.strip())
                  .bind("kind", kind == null || kind.isBlank() ? null : kind.strip())
                  .bind("description", description)
                  .bind("id", id)
                  .execute());
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        throw ApiException.conflict("A group named '" + name.strip() + "' already exists.");
      }
      throw e;
    }
    if (changed == 0) {
      throw ApiException.notFound("There is no group with id " + id + ".");
    }
    return jdbi.withHandle(h ->
        h.createQuery(SELECT + " WHERE g.id = :id").bind("id", id).map(GroupService::map).one());
  }

  static boolean exists(Jdbi jdbi, long groupId) {
    return jdbi.withHandle(h ->
        h.createQuery("SELECT count(*) FROM rig_groups WHERE id = :id")
                .bind("id", groupId)
                .mapTo(Long.class)
                .one()
            > 0);
  }

  private static Group map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws java.sql.SQLException {
    return new Group(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("kind"),
        rs.getString("description"),
        rs.getLong("rig_count"),
        rs.getTimestamp("created_at").toInstant());
  }
}
