package io.otedama.hashing.scrypt;

import static io.otedama.hashing.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.hashing.Hex;
import io.otedama.hashing.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScryptTest {

  /** RFC 7914 section 12, first vector. */
  @Test
  void rfc7914EmptyPasswordN16() {
    byte[] dk = new Scrypt(16, 1, 1).derive(new byte[0], new byte[0], 64);
    assertThat(Hex.encode(dk))
        .isEqualTo(
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
  }

  /** RFC 7914 section 12, second vector (r=8, p=16: the general BlockMix path). */
  @Test
  void rfc7914PasswordNaClN1024R8P16() {
    byte[] dk = new Scrypt(1024, 8, 16).derive(ascii("password"), ascii("NaCl"), 64);
    assertThat(Hex.encode(dk))
        .isEqualTo(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  }

  /** RFC 7914 section 12, third vector (16 MiB of V). */
  @Test
  void rfc7914PleaseLetMeInN16384() {
    byte[] dk = new Scrypt(16384, 8, 1).derive(ascii("pleaseletmein"), ascii("SodiumChloride"), 64);
    assertThat(Hex.encode(dk))
        .isEqualTo(
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
  }

  /** RFC 7914 section 11: PBKDF2-HMAC-SHA256 with one iteration. */
  @Test
  void rfc7914Pbkdf2OneIteration() {
    HmacSha256 hmac = new HmacSha256();
    hmac.setKey(ascii("passwd"), 0, 6);
    byte[] out = new byte[64];
    hmac.pbkdf2(ascii("salt"), 0, 4, out, 0, 64);
    assertThat(Hex.encode(out))
        .isEqualTo(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  }

  @Test
  void litecoinHeadersHashToTheirBlockHashes() {
    Scrypt scrypt = Scrypt.litecoin();
    byte[] out = new byte[32];
    scrypt.hashHeader(bytes(Vectors.LTC_HEADER_1), out, 0);
    assertThat(Hex.displayOrder(out)).isEqualTo(Vectors.LTC_HASH_1);
    // the same instance again: scratch memory is reused without leaking state
    scrypt.hashHeader(bytes(Vectors.LTC_HEADER_2), out, 0);
    assertThat(Hex.displayOrder(out)).isEqualTo(Vectors.LTC_HASH_2);
    scrypt.hashHeader(bytes(Vectors.LTC_HEADER_1), out, 0);
    assertThat(Hex.displayOrder(out)).isEqualTo(Vectors.LTC_HASH_1);
  }

  @Test
  void rejectsInvalidParameters() {
    assertThatThrownBy(() -> new Scrypt(1000, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> new Scrypt(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
