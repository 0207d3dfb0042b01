package io.otedama.hashing.sha256;

import static io.otedama.hashing.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.hashing.Hex;
import io.otedama.hashing.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Sha256Test {

  /** FIPS 180-2 / NIST CSRC examples. */
  @ParameterizedTest
  @CsvSource({
    "'', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq,"
        + " 248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  })
  void compressionFunctionReproducesNistVectors(String message, String expected) {
    assertThat(Hex.encode(sha256(message.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(expected);
  }

  @Property
  void compressionFunctionAgreesWithMessageDigest(@ForAll @Size(max = 300) byte[] message)
      throws Exception {
    assertThat(sha256(message)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(message));
  }

  @Test
  void sha256dOfBlockHeaders() {
    Sha256d sha256d = new Sha256d();
    assertThat(Hex.displayOrder(sha256d.hash(bytes(Vectors.GENESIS_HEADER))))
        .isEqualTo(Vectors.GENESIS_HASH);
    assertThat(Hex.displayOrder(sha256d.hash(bytes(Vectors.BLOCK_125552_HEADER))))
        .isEqualTo(Vectors.BLOCK_125552_HASH);
  }

  @Test
  void sha256dOfAPairIsTheHashOfTheConcatenation() {
    Sha256d sha256d = new Sha256d();
    byte[] a = bytes(Vectors.JOB_MERKLE_BRANCH.get(0));
    byte[] b = bytes(Vectors.JOB_MERKLE_BRANCH.get(1));
    byte[] both = new byte[64];
    System.arraycopy(a, 0, both, 0, 32);
    System.arraycopy(b, 0, both, 32, 32);
    byte[] out = a.clone();
    sha256d.hashPair(out, b, 0, out);
    assertThat(out).isEqualTo(sha256d.hash(both));
  }

  @Test
  void midstateIsTheStateAfterTheFirst64Bytes() throws Exception {
    byte[] header = bytes(Vectors.GENESIS_HEADER);
    int[] state = Sha256.midstate(header);
    // finishing from the midstate with the last 16 bytes and padding gives SHA-256(header)
    byte[] tail = new byte[64];
    System.arraycopy(header, 64, tail, 0, 16);
    tail[16] = (byte) 0x80;
    tail[62] = 0x02; // 640 bits
    tail[63] = (byte) 0x80;
    Sha256.compress(state, tail, 0, new int[64]);
    byte[] digest = new byte[32];
    Sha256.writeState(state, digest, 0);
    assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(header));
  }

  /** SHA-256 through {@link Sha256#compress} with the padding done here. */
  static byte[] sha256(byte[] message) {
    int blocks = (message.length + 9 + 63) / 64;
    byte[] padded = new byte[blocks * 64];
    System.arraycopy(message, 0, padded, 0, message.length);
    padded[message.length] = (byte) 0x80;
    long bits = 8L * message.length;
    for (int i = 0; i < 8; i++) {
      padded[padded.length - 1 - i] = (byte) (bits >>> (8 * i));
    }
    int[] state = Sha256.initialState();
    int[] w = new int[64];
    for (int i = 0; i < blocks; i++) {
      Sha256.compress(state, padded, 64 * i, w);
    }
    byte[] out = new byte[32];
    Sha256.writeState(state, out, 0);
    return out;
  }
}
