package io.otedama.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher();

  @Test
  void hashesAreSaltedSlowAndVerifiable() {
    String a = hasher.hash("correct horse battery staple");
    String b = hasher.hash("correct horse battery staple");
    assertThat(a).startsWith("pbkdf2-sha256$210000$").isNotEqualTo(b);
    assertThat(hasher.matches("correct horse battery staple", a)).isTrue();
    assertThat(hasher.matches("correct horse battery stapler", a)).isFalse();
  }

  @Test
  void theStoredIterationCountIsHonoured() {
    // a hash made with other parameters (e.g. before a future increase) still verifies
    String hash = hasher.hash("pw-1234567");
    String[] parts = hash.split("\\$");
    assertThat(hasher.matches("pw-1234567", String.join("$", parts))).isTrue();
    parts[1] = "1000";
    assertThat(hasher.matches("pw-1234567", String.join("$", parts))).isFalse();
  }

  @Test
  void malformedStoredHashesNeverMatch() {
    assertThat(hasher.matches("x", null)).isFalse();
    assertThat(hasher.matches("x", "")).isFalse();
    assertThat(hasher.matches("x", "md5$abc")).isFalse();
    assertThat(hasher.matches("x", "pbkdf2-sha256$many$AA$AA")).isFalse();
  }
}
