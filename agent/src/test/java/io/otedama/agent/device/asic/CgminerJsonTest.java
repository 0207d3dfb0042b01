package io.otedama.agent.device.asic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CgminerJsonTest {
  static JsonNode parse(String text) throws CgminerException {
    return CgminerJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void toleratesTheKnownFirmwareQuirks() throws CgminerException {
    JsonNode node =
        parse(
            "{\"STATS\":[{\"Type\":\"Antminer S9\"}{\"GHS 5s\":\"13500.5\",\"a\":inf,\"b\":-inf,\"c\":nan,"
                + "\"d\":\"nan\",\"e\":1.5e3,\"s\":\"inf is text {here}\"}],\"id\":1}\u0000");
    JsonNode stats = node.get("STATS");
    assertThat(stats).hasSize(2);
    assertThat(CgminerJson.number(stats.get(1), "GHS 5s")).isEqualTo(13500.5);
    assertThat(CgminerJson.number(stats.get(1), "a")).isNull();
    assertThat(CgminerJson.number(stats.get(1), "b")).isNull();
    assertThat(CgminerJson.number(stats.get(1), "c")).isNull();
    assertThat(CgminerJson.number(stats.get(1), "d")).isNull();
    assertThat(CgminerJson.number(stats.get(1), "e")).isEqualTo(1500.0);
    assertThat(stats.get(1).get("s").asText()).isEqualTo("inf is text {here}");
  }

  @Test
  void readsNumbersWithUnitsAndDashJoinedLists() throws CgminerException {
    JsonNode node = parse("{\"p\":\"3250 W\",\"t\":\"62-62-77-79\",\"n\":\"\",\"x\":\"abc\"}");
    assertThat(CgminerJson.number(node, "p")).isEqualTo(3250.0);
    assertThat(CgminerJson.maxOfList(node.get("t"))).isEqualTo(79.0);
    assertThat(CgminerJson.number(node, "n")).isNull();
    assertThat(CgminerJson.number(node, "x")).isNull();
  }

  @Test
  void refusesWhatIsNotJsonEvenAfterRepairs() {
    assertThatThrownBy(() -> parse("\u0000")).hasMessageContaining("empty");
    assertThatThrownBy(() -> parse("Access denied")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("not a JSON object");
  }

  @Test
  void readsTheRecordedAntminerAndWhatsminerReplies() throws CgminerException {
    AsicReading s19 =
        AsicReading.of(
            parse(ScriptedCgminer.resource("s19-summary.json")),
            parse(ScriptedCgminer.resource("s19-devs.json")),
            parse(ScriptedCgminer.resource("s19-stats.json")),
            parse(ScriptedCgminer.resource("s19-pools.json")));
    assertThat(s19.hashrateHs()).isEqualTo(95163.32e9);
    assertThat(s19.temperatureC()).isEqualTo(79.0);
    assertThat(s19.fanRpm()).isEqualTo(5760);
    assertThat(s19.powerW()).isNull();
    assertThat(s19.accepted()).isEqualTo(12345);
    assertThat(s19.rejected()).isEqualTo(17);
    assertThat(s19.model()).isEqualTo("Antminer S19");
    assertThat(s19.pools())
        .extracting(AsicReading.Pool::url)
        .containsExactly("stratum+tcp://farm-proxy.local:3333", "stratum+tcp://backup.pool:3333");
    assertThat(s19.pools().get(0).active()).isTrue();

    AsicReading m30 =
        AsicReading.of(
            parse(ScriptedCgminer.resource("m30-summary.json")),
            parse(ScriptedCgminer.resource("m30-devs.json")),
            null,
            parse(ScriptedCgminer.resource("m30-pools.json")));
    assertThat(m30.hashrateHs()).isEqualTo(99876543.21e6);
    assertThat(m30.temperatureC()).isEqualTo(86.0);
    assertThat(m30.fanRpm()).isEqualTo(5910);
    assertThat(m30.powerW()).isEqualTo(3360.0);
    assertThat(m30.rejected()).isEqualTo(3);
    assertThat(m30.pools()).singleElement().satisfies(p -> assertThat(p.index()).isEqualTo(1));
  }
}
