package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The work profiles and the group → profile table in PostgreSQL. */
public final class WorkProfileStore {
  private final Jdbi jdbi;

  public WorkProfileStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Creates the profile or replaces its kind, algorithm and pools. */
  public void save(WorkProfile profile) {
    jdbi.useTransaction(h -> {
      long id =
          h.createQuery(
                  "INSERT INTO work_profiles (name, kind, algorithm) VALUES (:name, :kind, :alg)"
                      + " ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind,"
                      + " algorithm = EXCLUDED.algorithm, updated_at = now() RETURNING id")
              .bind("name", profile.name())
              .bind("kind", profile.kind().wireName())
              .bind("alg", profile.algorithm().id())
              .mapTo(Long.class)
              .one();
      h.createUpdate("DELETE FROM work_profile_pools WHERE profile_id = :id")
          .bind("id", id)
          .execute();
      int position = 0;
      for (PoolEndpoint p : profile.pools()) {
        h.createUpdate(
                "INSERT INTO work_profile_pools (profile_id, position, name, url, username,"
                    + " password) VALUES (:id, :pos, :name, :url, :user, :password)")
            .bind("id", id)
            .bind("pos", position++)
            .bind("name", p.name())
            .bind("url", p.url())
            .bind("user", p.user())
            .bind("password", p.password())
            .execute();
      }
    });
  }

  public Optional<WorkProfile> find(String name) {
    return jdbi.withHandle(h -> load(h, name));
  }

  public List<WorkProfile> all() {
    return jdbi.withHandle(h -> {
      List<String> names =
          h.createQuery("SELECT name FROM work_profiles ORDER BY name").mapTo(String.class).list();
      List<WorkProfile> out = new ArrayList<>();
      for (String n : names) {
        load(h, n).ifPresent(out::add);
      }
      return out;
    });
  }

  /** Points a group at a profile; false when there is no such profile. */
  public boolean assignGroup(long groupId, String profileName) {
    return jdbi.withHandle(h ->
        h.createUpdate(
                "INSERT INTO group_work_profiles (group_id, profile_id)"
                    + " SELECT :group, id FROM work_profiles WHERE name = :name"
                    + " ON CONFLICT (group_id) DO UPDATE SET profile_id = EXCLUDED.profile_id,"
                    + " assigned_at = now()")
            .bind("group", groupId)
            .bind("name", profileName)
            .execute())
        == 1;
  }

  /** Deletes a profile (groups on it go back to the default); false when there was none. */
  public boolean delete(String name) {
    return jdbi.withHandle(h ->
        h.createUpdate("DELETE FROM work_profiles WHERE name = :name").bind("name", name).execute())
        == 1;
  }

  /** Sends a group back to the default profile. */
  public void unassignGroup(long groupId) {
    jdbi.useHandle(h ->
        h.createUpdate("DELETE FROM group_work_profiles WHERE group_id = :group")
            .bind("group", groupId)
            .execute());
  }

  /** Every group with a profile, group id → profile name. */
  public Map<Long, String> groupProfiles() {
    Map<Long, String> map = new LinkedHashMap<>();
    jdbi.useHandle(h ->
        h.createQuery(
                "SELECT g.group_id, p.name FROM group_work_profiles g"
                    + " JOIN work_profiles p ON p.id = g.profile_id ORDER BY g.group_id")
            .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .forEach(e -> map.put(e.getKey(), e.getValue())));
    return map;
  }

  private static Optional<WorkProfile> load(Handle h, String name) {
    Optional<Map<String, Object>> row =
        h.createQuery("SELECT id, kind, algorithm FROM work_profiles WHERE name = :name")
            .bind("name", name)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) {
      return Optional.empty();
    }
    long id = ((Number) row.get().get("id")).longValue();
    WorkProfile.Kind kind = WorkProfile.Kind.fromWireName((String) row.get().get("kind"));
    Algorithm algorithm = Algorithm.fromId((String) row.get().get("algorithm"));
    List<PoolEndpoint> pools =
        h.createQuery(
                "SELECT name, url, username, password FROM work_profile_pools"
                    + " WHERE profile_id = :id ORDER BY position")
            .bind("id", id)
            .map((rs, ctx) ->
                PoolEndpoint.parse(
                    rs.getString("name"),
                    rs.getString("url"),
                    rs.getString("username"),
                    rs.getString("password"),
                    algorithm))
            .list();
    return Optional.of(new WorkProfile(name, kind, algorithm, pools));
  }
}
