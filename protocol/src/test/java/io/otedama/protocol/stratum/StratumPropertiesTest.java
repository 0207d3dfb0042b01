package io.otedama.protocol.stratum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StratumPropertiesTest {
  private final StratumCodec codec = new StratumCodec();

  private static final List<String> REAL_LINES =
      List.of(
          StratumSamples.NOTIFY_LINE,
          "{\"id\": 0, \"method\": \"mining.subscribe\", \"params\": [\"cgminer/4.12.1\"]}",
          "{\"id\": 2, \"method\": \"mining.authorize\", \"params\": [\"farm.rig1\", \"x\"]}",
          "{\"params\": [\"farm.rig1\", \"6a1f\", \"00000000\", \"647025b5\", \"0a029ed1\"], \"id\":"
              + " 4, \"method\": \"mining.submit\"}",
          "{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\"],"
              + "{\"version-rolling.mask\":\"1fffe000\",\"version-rolling.min-bit-count\":2}]}",
          "{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"deadbeef\"],[\"mining.notify\","
              + "\"deadbeef\"]],\"01000000\",4],\"error\":null}",
          "{\"id\":4,\"result\":null,\"error\":[21,\"Job not found\",null]}");

  @Property(tries = 1000)
  void arbitraryTextOnlyEverGivesTheTypedException(@ForAll @Size(max = 200) String line) {
    decodeBothWays(line);
  }

  @Property(tries = 1000)
  void damagedRealLinesOnlyEverGiveTheTypedException(
      @ForAll @IntRange(min = 0, max = 6) int which, @ForAll("edits") List<int[]> edits) {
    char[] line = REAL_LINES.get(which).toCharArray();
    for (int[] edit : edits) {
      line[Math.floorMod(edit[0], line.length)] = (char) edit[1];
    }
    decodeBothWays(new String(line));
  }

  private void decodeBothWays(String line) {
    try {
      codec.decodeFromClient(line);
    } catch (StratumProtocolException e) {
      assertThat(e.kind()).isNotNull();
      assertThat(e.toErrorResponse().error().code()).isEqualTo(20);
    }
    try {
      codec.decodeFromServer(line);
    } catch (StratumProtocolException e) {
      assertThat(e.kind()).isNotNull();
    }
  }

  @Provide
  Arbitrary<List<int[]>> edits() {
    return Combinators.combine(
            Arbitraries.integers().greaterOrEqual(0),
            Arbitraries.of(
                (int) '"',
                (int) '{',
                (int) '}',
                (int) '[',
                (int) ']',
                (int) ',',
                (int) ':',
                (int) '-',
                (int) '9',
                (int) 'e',
                (int) 'n',
                0,
                (int) '\\',
                (int) 'G',
                (int) ' '))
        .as((p, c) -> new int[] {p, c})
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Property(tries = 500)
  void submitRoundTrips(@ForAll("submits") MiningSubmit submit) throws Exception {
    assertThat(codec.decodeFromClient(codec.encode(submit).strip())).isEqualTo(submit);
  }

  @Provide
  Arbitrary<MiningSubmit> submits() {
    Arbitrary<StratumId> ids =
        Arbitraries.oneOf(
            Arbitraries.longs().map(StratumId::of),
            Arbitraries.strings().ofMaxLength(20).map(StratumId::of),
            Arbitraries.just(StratumId.NULL));
    Arbitrary<String> name =
        Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
    return Combinators.combine(
            ids,
            name,
            name,
            hexBytes(1, 16),
            hexBytes(4, 4),
            hexBytes(4, 4),
            hexBytes(4, 4).injectNull(0.5))
        .as(MiningSubmit::new);
  }

  private static Arbitrary<String> hexBytes(int min, int max) {
    return Arbitraries.integers()
        .between(min, max)
        .flatMap(n -> Arbitraries.strings().withChars("0123456789abcdef").ofLength(2 * n));
  }

  /** However a stream is chunked, the framer yields the same lines. */
  @Property(tries = 300)
  void framingDoesNotDependOnChunking(
      @ForAll("streams") List<String> lines, @ForAll("cuts") List<Integer> cuts) {
    String stream = String.join("\n", lines) + "\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    List<String> expected = new ArrayList<>();
    for (String line : lines) {
      String stripped = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (!stripped.isBlank()) {
        expected.add(stripped);
      }
    }
    StratumLineFramer framer = new StratumLineFramer(1 << 16);
    List<String> seen = new ArrayList<>();
    StratumLineFramer.LineHandler handler =
        new StratumLineFramer.LineHandler() {
          @Override
          public void onLine(String line) {
            seen.add(line);
          }

          @Override
          public void onLineTooLong(int maxLineBytes) {
            seen.add("!TOO_LONG");
          }
        };
    int position = 0;
    for (int cut : cuts) {
      int end = Math.min(bytes.length, position + cut);
      framer.feed(bytes, position, end - position, handler);
      position = end;
    }
    framer.feed(bytes, position, bytes.length - position, handler);
    assertThat(seen).isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<String>> streams() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars('\r', '\u00e9', '\u26cf')
        .ofMaxLength(60)
        .filter(s -> s.indexOf('\r') < 0 || s.indexOf('\r') == s.length() - 1)
        .list()
        .ofMaxSize(10);
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 50).list().ofMaxSize(20);
  }
}
