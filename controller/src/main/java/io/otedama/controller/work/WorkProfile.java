package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import java.util.List;
import java.util.Objects;

/**
 * A named work profile: an ordered pool list (failover in list order) or the built-in local source.
 */
public record WorkProfile(String name, Kind kind, Algorithm algorithm, List<PoolEndpoint> pools) {
  public enum Kind {
    POOLS("pools"),
    LOCAL("local");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Kind fromWireName(String name) {
      for (Kind k : values()) {
        if (k.wireName.equals(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "a profile kind is 'pools' or 'local', not '" + name + "'");
    }
  }

  public WorkProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(algorithm, "algorithm");
    pools = List.copyOf(pools);
    if (name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("a profile name is 1 to 64 characters");
    }
    if (kind == Kind.POOLS && pools.isEmpty()) {
      throw new IllegalArgumentException("profile " + name + " needs at least one pool");
    }
    if (kind == Kind.LOCAL && !pools.isEmpty()) {
      throw new IllegalArgumentException("the local profile " + name + " takes no pools");
    }
    for (PoolEndpoint p : pools) {
      if (p.algorithm() != algorithm) {
        throw new IllegalArgumentException(
            "pool " + p.name() + " mines " + p.algorithm() + ", profile " + name + " " + algorithm);
      }
    }
  }

  /** A profile on the local source. */
  public static WorkProfile local(String name) {
    return new WorkProfile(name, Kind.LOCAL, Algorithm.SHA256D, List.of());
  }

  /** A profile of pools, all mining {@code algorithm}. */
  public static WorkProfile pools(String name, Algorithm algorithm, List<PoolEndpoint> pools) {
    return new WorkProfile(name, Kind.POOLS, algorithm, pools);
  }
}
