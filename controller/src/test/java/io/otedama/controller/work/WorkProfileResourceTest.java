package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.controller.api.ApiException;
import io.otedama.hashing.Algorithm;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a profile body becomes, and what of its passwords is ever shown. */
class WorkProfileResourceTest {
  static final WorkProfile BEFORE =
      WorkProfile.pools(
          "main",
          Algorithm.SHA256D,
          List.of(
              PoolEndpoint.parse(
                  "a", "stratum+tcp://a.example:3333", "farm.1", "secret", Algorithm.SHA256D),
              PoolEndpoint.parse(
                  "b", "stratum+tcp://b.example:3333", "farm.1", "x", Algorithm.SHA256D)));

  static WorkProfileResource.PoolBody pool(String url, String user, String password) {
    return new WorkProfileResource.PoolBody(null, url, user, password);
  }

  @Test
  void aPoolWithoutAPasswordKeepsTheOneStoredForTheSameUrlAndUser() {
    WorkProfile p =
        WorkProfileResource.parse(
            "main",
            new WorkProfileResource.ProfileBody(
                null,
                null,
                List.of(
                    pool("stratum+tcp://b.example:3333", "farm.1", null),
                    pool("stratum+tcp://a.example:3333", "farm.1", null),
                    pool("stratum+tcp://a.example:3333", "farm.2", null),
                    pool("stratum+ssl://c.example:443", "farm.1", "new"))),
            Optional.of(BEFORE));
    assertThat(p.pools())
        .extracting(PoolEndpoint::password)
        .containsExactly("x", "secret", "", "new");
    assertThat(p.pools())
        .extracting(PoolEndpoint::name)
        .containsExactly("pool-1", "pool-2", "pool-3", "pool-4");
    assertThat(p.pools().get(3).tls()).isTrue();
  }

  @Test
  void badBodiesAreRefusedWithASentenceNamingThePool() {
    var http = List.of(pool("http://a.example:80", "farm", null));
    assertThatThrownBy(() ->
            WorkProfileResource.parse(
                "p", new WorkProfileResource.ProfileBody(null, null, http), Optional.empty()))
        .isInstanceOf(ApiException.class)
        .hasMessageStartingWith("Pool pool-1: the URL must start with stratum+tcp://");
    var noUser = List.of(pool("stratum+tcp://a.example:1", " ", null));
    assertThatThrownBy(() ->
            WorkProfileResource.parse(
                "p", new WorkProfileResource.ProfileBody(null, null, noUser), Optional.empty()))
        .hasMessage("Pool pool-1 needs a user (worker name).");
    assertThatThrownBy(() ->
            WorkProfileResource.parse(
                "p", new WorkProfileResource.ProfileBody(null, null, List.of()), Optional.empty()))
        .hasMessage("Profile p needs at least one pool.");
    assertThatThrownBy(() ->
            WorkProfileResource.parse(
                "p", new WorkProfileResource.ProfileBody(null, "x11", List.of()), Optional.empty()))
        .hasMessageStartingWith("Unknown algorithm 'x11'");
    WorkProfileResource.PoolBody[] nine = new WorkProfileResource.PoolBody[9];
    Arrays.fill(nine, pool("stratum+tcp://a.example:1", "u", null));
    assertThatThrownBy(() ->
            WorkProfileResource.parse(
                "p",
                new WorkProfileResource.ProfileBody(null, null, List.of(nine)),
                Optional.empty()))
        .hasMessage("A profile has at most 8 pools.");
    assertThat(
            WorkProfileResource.parse(
                    "l", new WorkProfileResource.ProfileBody("local", null, null), Optional.empty())
                .kind())
        .isEqualTo(WorkProfile.Kind.LOCAL);
  }

  @Test
  void theViewNeverCarriesAPassword() {
    WorkProfileView v =
        WorkProfileView.of(BEFORE, "default", Map.of("main", 1), Map.of(7L, "main", 8L, "other"));
    assertThat(v.toString()).doesNotContain("secret");
    assertThat(v.pools())
        .extracting(WorkProfileView.Pool::passwordHint)
        .containsExactly("s•••", "•••");
    assertThat(v.groupIds()).containsExactly(7L);
    assertThat(v.running()).isTrue();
    assertThat(v.isDefault()).isFalse();
    assertThat(WorkProfileView.hint("")).isEmpty();
  }
}
