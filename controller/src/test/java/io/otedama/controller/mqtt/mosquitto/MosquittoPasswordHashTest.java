package io.otedama.controller.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MosquittoPasswordHashTest {

  /** Written by {@code mosquitto_passwd -c -b pw alice secret} (Mosquitto 2.0.11, Debian 12). */
  private static final String MOSQUITTO_PASSWD_ALICE_SECRET =
      "$7$101$iNY7141E3G/EPjq2$i6Xj7sn4oCXk6ePHL3XSQ9e7MOm+HWMy9Ct3bLctMM0lbcvL/aQQcUZGbVtRoYGyS"
          + "+bMsg5FcOTF6OFJNjnarQ==";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void verifiesAHashWrittenByMosquittoPasswd() {
    assertThat(MosquittoPasswordHash.matches(MOSQUITTO_PASSWD_ALICE_SECRET, bytes("secret")))
        .isTrue();
    assertThat(MosquittoPasswordHash.matches(MOSQUITTO_PASSWD_ALICE_SECRET, bytes("Secret")))
        .isFalse();
  }

  @Test
  void reproducesMosquittoPasswdForTheSameSalt() {
    byte[] salt = Base64.getDecoder().decode("iNY7141E3G/EPjq2");
    assertThat(MosquittoPasswordHash.hash(bytes("secret"), salt, 101))
        .isEqualTo(MOSQUITTO_PASSWD_ALICE_SECRET);
  }

  @Test
  void newHashesHaveMosquittosShapeAndAFreshSalt() {
    String first = MosquittoPasswordHash.hash(bytes("rig-secret"));
    String second = MosquittoPasswordHash.hash(bytes("rig-secret"));
    assertThat(first).matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==");
    assertThat(first).isNotEqualTo(second);
    assertThat(MosquittoPasswordHash.matches(first, bytes("rig-secret"))).isTrue();
    assertThat(MosquittoPasswordHash.matches(second, bytes("rig-secret"))).isTrue();
  }

  @Test
  void rejectsMalformedHashes() {
    assertThat(MosquittoPasswordHash.matches(null, bytes("x"))).isFalse();
    assertThat(MosquittoPasswordHash.matches("$6$abc$def", bytes("x"))).isFalse();
    assertThat(MosquittoPasswordHash.matches("$7$101$!!$??", bytes("x"))).isFalse();
    assertThat(MosquittoPasswordHash.matches("$7$zero$AAAA$AAAA", bytes("x"))).isFalse();
    assertThat(MosquittoPasswordHash.matches("$7$101$AAAA", bytes("x"))).isFalse();
  }
}
