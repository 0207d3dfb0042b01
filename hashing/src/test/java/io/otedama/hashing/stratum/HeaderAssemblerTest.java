package io.otedama.hashing.stratum;

import static io.otedama.hashing.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.Vectors;
import io.otedama.hashing.sha256.Sha256d;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderAssemblerTest {

  @Test
  void reproducesTheStratumJobToShareVector() {
    StratumJob job = Vectors.vectorJob();
    HeaderAssembler assembler = new HeaderAssembler();
    byte[] root = new byte[32];
    assembler.merkleRoot(job, bytes(Vectors.JOB_EXTRANONCE1), bytes(Vectors.JOB_EXTRANONCE2), root);
    assertThat(Hex.encode(root)).isEqualTo(Vectors.JOB_MERKLE_ROOT_HEADER_ORDER);

    byte[] header =
        assembler.header(
            job,
            bytes(Vectors.JOB_EXTRANONCE1),
            bytes(Vectors.JOB_EXTRANONCE2),
            Hex.decodeInt32("ntime", Vectors.JOB_NTIME),
            Hex.decodeInt32("nonce", Vectors.JOB_NONCE),
            0,
            0);
    assertThat(Hex.encode(header)).isEqualTo(Vectors.JOB_HEADER);

    byte[] hash = new Sha256d().hash(header);
    assertThat(Hex.displayOrder(hash)).isEqualTo(Vectors.JOB_HASH);
    double difficulty = Difficulty.ofHash(Algorithm.SHA256D, hash);
    assertThat((long) difficulty).isEqualTo(683);
    assertThat(difficulty).isBetween(683.5, 683.6);
  }

  @Test
  void prevhashWordsAreSwappedIntoTheHeader() {
    assertThat(Hex.encode(Vectors.vectorJob().prevHash()))
        .isEqualTo("4595850c738349a3fa5274a511b72ec265a4f23d524305000000000000000000");
  }

  @Test
  void versionRollingKeepsBitsOutsideTheMask() {
    assertThat(HeaderAssembler.rollVersion(0x20000004, 0x1fffe000, 0x1fffe000))
        .isEqualTo(0x3fffe004);
    assertThat(HeaderAssembler.rollVersion(0x20000004, 0xffffffff, 0x00002000))
        .isEqualTo(0x20002004);
    assertThat(HeaderAssembler.rollVersion(0x20000004, 0x12345678, 0)).isEqualTo(0x20000004);

    StratumJob job = Vectors.vectorJob();
    byte[] header =
        new HeaderAssembler()
            .header(
                job, bytes("01000000"), bytes("00000000"), 0x647025b5, 0, 0x00ffe000, 0x1fffe000);
    assertThat(Hex.encode(header, 0, 4)).isEqualTo("04e0ff20"); // 0x20ffe004 little-endian
  }

  @Test
  void theRememberedMerkleRootIsOnlyReusedForTheSameJobAndExtranonces() {
    StratumJob job = Vectors.vectorJob();
    StratumJob other =
        StratumJob.fromNotify(
            "other",
            Vectors.JOB_PREVHASH,
            Vectors.JOB_COINB1,
            Vectors.JOB_COINB2,
            List.of(),
            Vectors.JOB_VERSION,
            Vectors.JOB_NBITS,
            Vectors.JOB_NTIME,
            false);
    HeaderAssembler cached = new HeaderAssembler();
    byte[] en1 = bytes("01000000");
    for (String en2 : List.of("00000000", "00000001", "00000000", "0000000000")) {
      for (StratumJob j : List.of(job, other, job)) {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        cached.merkleRoot(j, en1, bytes(en2), a);
        new HeaderAssembler().merkleRoot(j, en1, bytes(en2), b);
        assertThat(a).as(j.jobId() + " " + en2).isEqualTo(b);
      }
    }
  }

  @Test
  void genesisCoinbaseSplitIntoAJobGivesTheGenesisHeader() {
    byte[] coinbase = bytes(Vectors.GENESIS_COINBASE);
    StratumJob job = Vectors.genesisJob();
    byte[] header =
        new HeaderAssembler()
            .header(
                job,
                java.util.Arrays.copyOfRange(coinbase, 40, 44),
                java.util.Arrays.copyOfRange(coinbase, 44, 48),
                0x495fab29,
                Vectors.GENESIS_NONCE,
                0,
                0);
    assertThat(Hex.encode(header)).isEqualTo(Vectors.GENESIS_HEADER);
  }

  @Test
  void malformedNotifyFieldsAreNamed() {
    assertThatThrownBy(() ->
            StratumJob.fromNotify(
                "j",
                "00",
                Vectors.JOB_COINB1,
                Vectors.JOB_COINB2,
                List.of(),
                Vectors.JOB_VERSION,
                Vectors.JOB_NBITS,
                Vectors.JOB_NTIME,
                true))
        .hasMessageContaining("prevhash must be 32 bytes");
    assertThatThrownBy(() ->
            StratumJob.fromNotify(
                "j",
                Vectors.JOB_PREVHASH,
                Vectors.JOB_COINB1,
                Vectors.JOB_COINB2,
                List.of("xyz0"),
                Vectors.JOB_VERSION,
                Vectors.JOB_NBITS,
                Vectors.JOB_NTIME,
                true))
        .hasMessageContaining("merkle branch[0]");
    assertThatThrownBy(() ->
            StratumJob.fromNotify(
                "j",
                Vectors.JOB_PREVHASH,
                Vectors.JOB_COINB1,
                Vectors.JOB_COINB2,
                List.of(),
                "2000",
                Vectors.JOB_NBITS,
                Vectors.JOB_NTIME,
                true))
        .hasMessageContaining("version must be 8 hex digits");
  }
}
