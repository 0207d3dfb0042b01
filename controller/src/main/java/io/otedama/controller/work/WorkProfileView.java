package io.otedama.controller.work;

import java.util.List;
import java.util.Map;

/**
 * A work profile as the API shows it. Pool passwords are never echoed in full: {@code passwordHint}
 * shows at most the first character, so an operator can tell {@code x} from a real secret without
 * reading it back.
 */
public record WorkProfileView(
    String name,
    String kind,
    String algorithm,
    boolean isDefault,
    boolean running,
    List<Long> groupIds,
    List<Pool> pools) {

  /** One pool in failover order (position 0 is the primary). */
  public record Pool(
      int position,
      String name,
      String url,
      String user,
      boolean passwordSet,
      String passwordHint) {}

  static WorkProfileView of(
      WorkProfile p, String defaultProfile, Map<String, ?> running, Map<Long, String> groups) {
    List<Pool> pools =
        java.util.stream.IntStream.range(0, p.pools().size())
            .mapToObj(i -> {
              PoolEndpoint e = p.pools().get(i);
              return new Pool(
                  i, e.name(), e.url(), e.user(), !e.password().isEmpty(), hint(e.password()));
            })
            .toList();
    List<Long> groupIds =
        groups.entrySet().stream()
            .filter(g -> g.getValue().equals(p.name()))
            .map(Map.Entry::getKey)
            .sorted()
            .toList();
    return new WorkProfileView(
        p.name(),
        p.kind().wireName(),
        p.algorithm().id(),
        p.name().equals(defaultProfile),
        running.containsKey(p.name()),
        groupIds,
        pools);
  }

  /** "" for none, a lone "•••" for up to 3 characters, else the first character and "•••". */
  static String hint(String password) {
    if (password.isEmpty()) {
      return "";
    }
    return password.length() <= 3 ? "•••" : password.charAt(0) + "•••";
  }
}
