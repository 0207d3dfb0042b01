package io.otedama.controller.payouts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checksum test vectors of BIP-173 (Bech32) and BIP-350 (Bech32m), verbatim. */
class Bech32Test {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl"
      })
  void bip173ValidBech32(String text) {
    Bech32.Decoded decoded = Bech32.decode(text);
    assertThat(decoded.encoding()).isEqualTo(Bech32.Encoding.BECH32);
    // and it encodes back to itself (in lower case)
    assertThat(Bech32.encode(decoded.hrp(), decoded.data(), Bech32.Encoding.BECH32))
        .isEqualTo(text.toLowerCase(Locale.ROOT));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A1LQFN3A",
        "a1lqfn3a",
        "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
        "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
        "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
        "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
        "?1v759aa"
      })
  void bip350ValidBech32m(String text) {
    Bech32.Decoded decoded = Bech32.decode(text);
    assertThat(decoded.encoding()).isEqualTo(Bech32.Encoding.BECH32M);
    assertThat(Bech32.encode(decoded.hrp(), decoded.data(), Bech32.Encoding.BECH32M))
        .isEqualTo(text.toLowerCase(Locale.ROOT));
  }

  /** BIP-173's invalid Bech32 strings, with the reasons it gives. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00201nwldj5", // HRP character out of range
        "\u007f1axkwrx", // HRP character out of range
        "\u00801eym55h", // HRP character out of range
        // overall max length exceeded
        "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
        "pzry9x0s0muk", // no separator character
        "1pzry9x0s0muk", // empty HRP
        "x1b4n0q5v", // invalid data character
        "li1dgmt3", // too short checksum
        "de1lg7wt\u00ff", // invalid character in checksum
        "A1G7SGD8", // checksum calculated with uppercase form of HRP
        "10a06t8", // empty HRP
        "1qzzfhee" // empty HRP
      })
  void bip173InvalidBech32(String text) {
    assertThatThrownBy(() -> Bech32.decode(text)).isInstanceOf(InvalidAddressException.class);
  }

  /** BIP-350's invalid Bech32m strings, with the reasons it gives. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u00201xj0phk", // HRP character out of range
        "\u007f1g6xzxy", // HRP character out of range
        "\u00801vctc34", // HRP character out of range
        // overall max length exceeded
        "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
        "qyrz8wqd2c9m", // no separator character
        "1qyrz8wqd2c9m", // empty HRP
        "y1b0jsk6g", // invalid data character
        "lt1igcx5c0", // invalid data character
        "in1muywd", // too short checksum
        "mm1crxm3i", // invalid character in checksum
        "au1s5cgom", // invalid character in checksum
        "M1VUXWEZ", // checksum calculated with uppercase form of HRP
        "16plkw9", // empty HRP
        "1p2gdwpf" // empty HRP
      })
  void bip350InvalidBech32m(String text) {
    assertThatThrownBy(() -> Bech32.decode(text)).isInstanceOf(InvalidAddressException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"A1LQFN3A", "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx"})
  void noStringIsBothBech32AndBech32m(String bech32m) {
    // BIP-350: the valid Bech32m strings are invalid Bech32 (and the converse)
    assertThat(Bech32.decode(bech32m).encoding()).isNotEqualTo(Bech32.Encoding.BECH32);
  }
}
