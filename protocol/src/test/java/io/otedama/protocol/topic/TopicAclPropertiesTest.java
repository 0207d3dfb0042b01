package io.otedama.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The ACL against a plain MQTT filter matcher over topics built from tricky levels. */
class TopicAclPropertiesTest {
  private static final String RIG = "r1";
  private static final List<String> LEVELS =
      List.of(
          "otedama",
          "v1",
          "rigs",
          "r1",
          "r2",
          "r1x",
          "cmd",
          "result",
          "telemetry",
          "work",
          "",
          "$SYS",
          "$share");

  @Property(tries = 2000)
  void anAllowedFilterNeverMatchesAnotherRigsTopic(
      @ForAll("filters") String filter, @ForAll("topics") List<String> topics) {
    boolean allowed = TopicAcl.maySubscribe(RIG, filter);
    Statistics.collect(allowed);
    Statistics.coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
    if (!allowed) {
      return;
    }
    for (String topic : topics) {
      if (matches(filter, topic)) {
        assertThat(topic).startsWith("otedama/v1/rigs/r1");
        assertThat(topic.equals("otedama/v1/rigs/r1") || topic.startsWith("otedama/v1/rigs/r1/"))
            .isTrue();
      }
    }
  }

  @Property(tries = 2000)
  void publishingAgreesWithTheTopicParser(@ForAll("topics") List<String> topics) {
    for (String topic : topics) {
      boolean expected =
          Topics.parse(topic)
              .filter(t -> t.rigId().equals(RIG) && t.kind().publisher() == Publisher.AGENT)
              .isPresent();
      assertThat(TopicAcl.mayPublish(RIG, topic)).as(topic).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<String> filters() {
    Arbitrary<List<String>> levels =
        Arbitraries.of(concat(LEVELS, List.of("+", "#"))).list().ofMinSize(1).ofMaxSize(4);
    return Arbitraries.oneOf(
        levels.map(l -> String.join("/", l)),
        levels.map(l -> "otedama/v1/rigs/" + String.join("/", l)),
        levels.map(l -> "otedama/v1/rigs/r1/" + String.join("/", l)));
  }

  @Provide
  Arbitrary<List<String>> topics() {
    Arbitrary<String> biased =
        Arbitraries.of(LEVELS)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(rest -> "otedama/v1/rigs/" + String.join("/", rest));
    Arbitrary<String> anyTopic =
        Arbitraries.of(LEVELS).list().ofMinSize(1).ofMaxSize(7).map(l -> String.join("/", l));
    return Arbitraries.oneOf(biased, anyTopic).list().ofMinSize(1).ofMaxSize(30);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** MQTT 5 §4.7 matching, with the rule that wildcards at the start do not match $ topics. */
  static boolean matches(String filter, String topic) {
    if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
      return false;
    }
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true; // matches the parent level too
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
