package io.otedama.controller.payouts.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.otedama.controller.payouts.address.InvalidAddressException.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitcoinAddressParserTest {
  private static final BitcoinAddressParser MAINNET =
      new BitcoinAddressParser(BitcoinNetwork.MAINNET);
  private static final BitcoinAddressParser TESTNET =
      new BitcoinAddressParser(BitcoinNetwork.TESTNET);
  private static final BitcoinAddressParser REGTEST =
      new BitcoinAddressParser(BitcoinNetwork.REGTEST);

  private static BitcoinAddressParser parserFor(String network) {
    return switch (network) {
      case "main" -> MAINNET;
      case "regtest" -> REGTEST;
      default -> TESTNET; // testnet, testnet4, signet share their prefixes
    };
  }

  /** BIP-350's valid segwit addresses (which supersede BIP-173's) with their scriptPubKeys. */
  @ParameterizedTest
  @CsvSource({
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, main, 0014751e76e8199196d454941c45d1b3a323f1433bd6",
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7, test,"
        + " 00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y, main,"
        + " 5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
    "BC1SW50QGDZ25J, main, 6002751e",
    "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs, main, 5210751e76e8199196d454941c45d1b3a323",
    "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy, test,"
        + " 0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c, test,"
        + " 5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0, main,"
        + " 512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
  })
  void bip350ValidAddresses(String address, String network, String scriptPubKey) {
    BitcoinAddress parsed = parserFor(network).parse(address);
    assertThat(parsed.scriptPubKeyHex()).isEqualTo(scriptPubKey);
    assertThat(parsed.text()).isEqualTo(address.toLowerCase(Locale.ROOT));
  }

  /** BIP-173's valid v0 addresses stay valid. */
  @ParameterizedTest
  @CsvSource({
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, main, 0014751e76e8199196d454941c45d1b3a323f1433bd6",
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7, test,"
        + " 00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
    "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy, test,"
        + " 0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"
  })
  void bip173ValidV0Addresses(String address, String network, String scriptPubKey) {
    assertThat(parserFor(network).parse(address).scriptPubKeyHex()).isEqualTo(scriptPubKey);
  }

  /** BIP-173's v1+ addresses use Bech32; under BIP-350 they must be refused (funds would burn). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
        "BC1SW50QA3JX3S",
        "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj"
      })
  void bip173HigherVersionAddressesAreRefusedSinceBip350(String address) {
    InvalidAddressException e =
        catchThrowableOfType(InvalidAddressException.class, () -> MAINNET.parse(address));
    assertThat(e.reason()).isEqualTo(Reason.BAD_CHECKSUM);
    assertThat(e).hasMessageContaining("must use Bech32m");
  }

  /** BIP-350's invalid addresses (every one is refused on every network). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut", // invalid HRP
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", // Bech32 not Bech32m
        "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf", // Bech32 not Bech32m
        "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", // Bech32 not Bech32m
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", // Bech32m not Bech32
        "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47", // Bech32m not Bech32
        "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", // bad checksum char
        "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R", // witness version
        "bc1pw5dgrnzv", // program length 1
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav", // 41 bytes
        "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", // v0 length (BIP-141)
        "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq", // mixed case
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", // >4 bits padding
        "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j", // non-zero padding
        "bc1gmk9yu" // empty data section
      })
  void bip350InvalidAddresses(String address) {
    for (BitcoinAddressParser parser : List.of(MAINNET, TESTNET, REGTEST)) {
      InvalidAddressException e =
          catchThrowableOfType(InvalidAddressException.class, () -> parser.parse(address));
      assertThat(e).as(address + " on " + parser.network()).isNotNull();
      assertThat(e.reason()).isNotEqualTo(Reason.WRONG_NETWORK);
    }
  }

  /** BIP-173's invalid addresses. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty", // invalid HRP
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", // invalid checksum
        "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2", // invalid witness version
        "bc1rw5uspcuh", // invalid program length
        "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90", // length
        "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", // v0 program length (BIP-141)
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7", // mixed case
        "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du", // zero padding of more than 4 bits
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv", // non-zero padding
        "bc1gmk9yu" // empty data section
      })
  void bip173InvalidAddresses(String address) {
    bip350InvalidAddresses(address);
  }

  static Stream<Arguments> bitcoinCoreValid() throws IOException {
    List<Arguments> vectors = new ArrayList<>();
    for (String line : lines("key_io_valid_addresses.tsv")) {
      String[] fields = line.split("\t");
      vectors.add(Arguments.of(fields[0], fields[1], fields[2]));
    }
    return vectors.stream();
  }

  /** Bitcoin Core's valid address vectors: the right script on their chain, refused elsewhere. */
  @ParameterizedTest
  @MethodSource("bitcoinCoreValid")
  void bitcoinCoreValidAddresses(String address, String scriptPubKey, String chain) {
    BitcoinAddressParser own = parserFor(chain);
    assertThat(own.parse(address).scriptPubKeyHex()).isEqualTo(scriptPubKey);
    boolean bech32 = !address.startsWith("1") && address.indexOf('1') > 0 && !isBase58(address);
    if (bech32) {
      // tryCaseFlip: the upper-case form is the same address
      assertThat(own.parse(address.toUpperCase(Locale.ROOT)).scriptPubKeyHex())
          .isEqualTo(scriptPubKey);
    }
    for (BitcoinAddressParser other : List.of(MAINNET, TESTNET, REGTEST)) {
      boolean sameNetwork =
          other == own
              // Base58 testnet addresses are regtest addresses too (same version bytes)
              || (!bech32 && other != MAINNET && own != MAINNET);
      if (!sameNetwork) {
        InvalidAddressException e =
            catchThrowableOfType(InvalidAddressException.class, () -> other.parse(address));
        assertThat(e).as(address + " on " + other.network()).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.WRONG_NETWORK);
      }
    }
  }

  static Stream<String> bitcoinCoreInvalid() throws IOException {
    return lines("key_io_invalid.txt").stream();
  }

  @ParameterizedTest
  @MethodSource("bitcoinCoreInvalid")
  void bitcoinCoreInvalidStrings(String text) {
    for (BitcoinAddressParser parser : List.of(MAINNET, TESTNET, REGTEST)) {
      assertThat(parser.isValid(text)).as(text + " on " + parser.network()).isFalse();
    }
  }

  @Test
  void wrongNetworkIsRefusedWithAClearMessage() {
    assertThatThrownBy(
            () -> MAINNET.parse("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"))
        .isInstanceOf(InvalidAddressException.class)
        .hasMessage("this is a testnet address, but the farm pays on mainnet");
    assertThatThrownBy(() -> TESTNET.parse("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo"))
        .hasMessage("this is a mainnet address, but the farm pays on testnet");
    assertThatThrownBy(() -> MAINNET.parse("mzK2FFDEhxqHcmrJw1ysqFkVyhUULo45hZ"))
        .hasMessage("this is a testnet/regtest address, but the farm pays on mainnet");
  }

  @Test
  void emptyAndTypoedAddressesSayWhy() {
    assertThatThrownBy(() -> MAINNET.parse(" ")).hasMessage("the payout address is empty");
    // one character changed in a valid P2PKH address
    InvalidAddressException typo =
        catchThrowableOfType(
            InvalidAddressException.class,
            () -> MAINNET.parse("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp"));
    assertThat(typo.reason()).isEqualTo(Reason.BAD_CHECKSUM);
    assertThat(typo).hasMessageContaining("typo");
  }

  @Test
  void typesAreRecognised() {
    assertThat(MAINNET.parse("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo").type())
        .isEqualTo(AddressType.P2PKH);
    assertThat(MAINNET.parse("36j4NfKv6Akva9amjWrLG6MuSQym1GuEmm").type())
        .isEqualTo(AddressType.P2SH);
    assertThat(MAINNET.parse("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4").type())
        .isEqualTo(AddressType.P2WPKH);
    assertThat(
            MAINNET.parse("bc1qyucykdlhp62tezs0hagqury402qwhk589q80tqs5myh3rxq34nwqhkdhv7").type())
        .isEqualTo(AddressType.P2WSH);
    assertThat(
            MAINNET.parse("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0").type())
        .isEqualTo(AddressType.P2TR);
    assertThat(MAINNET.parse("bc1z2rksukkjr8").type()).isEqualTo(AddressType.WITNESS_UNKNOWN);
  }

  @Test
  void base58RoundTrip() {
    byte[] payload = HexFormat.of().parseHex("00a31c06bd463e3923bc1aadbde48b16976c080717");
    assertThat(Base58Check.encode(payload)).isEqualTo("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo");
    assertThat(Base58Check.decode("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo")).isEqualTo(payload);
  }

  private static boolean isBase58(String address) {
    return address.matches("[1-9A-HJ-NP-Za-km-z]+") && !address.matches("(bc|tb|bcrt)1.*");
  }

  private static List<String> lines(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = BitcoinAddressParserTest.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    }
    return out;
  }
}
