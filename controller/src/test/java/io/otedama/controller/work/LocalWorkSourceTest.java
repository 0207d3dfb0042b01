package io.otedama.controller.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.hashing.Hex;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalWorkSourceTest {
  private final List<SourceJob> jobs = new CopyOnWriteArrayList<>();
  private final List<BlockFound> blocks = new CopyOnWriteArrayList<>();
  private final LocalWorkSource source =
      new LocalWorkSource(
          "local",
          new LocalSourceSettings(
              "/otedama-test/", 0.0002, 100, 625_000_000L, "51", 6, Duration.ofHours(1)),
          Clock.systemUTC());

  @AfterEach
  void close() {
    source.close();
  }

  private SourceJob started() {
    source.addListener(jobs::add);
    source.addBlockListener(blocks::add);
    source.start();
    return jobs.get(jobs.size() - 1);
  }

  /** Hashes nonces until the header meets the job's network target. */
  private static UpstreamShare mineBlock(SourceJob job, String worker) {
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha = new Sha256d();
    byte[] en2 = new byte[8];
    byte[] header = new byte[80];
    byte[] hash = new byte[32];
    for (int nonce = 0; ; nonce++) {
      assembler.assemble(
          job.job(), job.session().extranonce1(), en2, job.job().ntime(), nonce, header);
      sha.hash(header, 0, 80, hash, 0);
      if (job.networkTarget().isMetBy(hash)) {
        return new UpstreamShare(
            job,
            worker,
            Hex.encode(en2),
            Hex.encodeInt32(job.job().ntime()),
            Hex.encodeInt32(nonce),
            null);
      }
    }
  }

  @Test
  void issuesAValidCoinbaseWithHeightAndTag() {
    SourceJob job = started();
    assertThat(job.cleanJobs()).isTrue();
    assertThat(job.session().extranonce2Size()).isEqualTo(8);
    assertThat(job.session().versionMask()).isEqualTo(0x1fffe000);
    String coinb1 = job.upstreamNotify().coinb1();
    // script length byte = height push (2) + tag push (15) + extranonces (12)
    assertThat(coinb1).endsWith("1d" + "0164" + "0e" + Hex.encode("/otedama-test/".getBytes()));
    assertThat(job.upstreamNotify().coinb2())
        .startsWith("ffffffff01" + "40be402500000000" + "0151");
    assertThat(job.upstreamNotify().merkleBranch()).hasSize(3); // 7 transactions: 3 levels
    assertThat(job.upstreamDifficulty()).isBetween(0.00019, 0.00021);
  }

  @Test
  void theMerkleBranchGivesTheRootOfTheWholeTree() {
    Sha256d sha = new Sha256d();
    Random random = new Random(5);
    for (int n = 0; n <= 9; n++) {
      List<byte[]> txids = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        byte[] t = new byte[32];
        random.nextBytes(t);
        txids.add(t);
      }
      byte[] coinbase = new byte[32];
      random.nextBytes(coinbase);
      byte[] viaBranch = coinbase.clone();
      for (byte[] step : LocalWorkSource.merkleBranch(txids, sha)) {
        sha.hashPair(viaBranch, step, 0, viaBranch);
      }
      List<byte[]> all = new ArrayList<>();
      all.add(coinbase);
      all.addAll(txids);
      assertThat(viaBranch).as("%d transactions", n).isEqualTo(fullTreeRoot(all, sha));
    }
  }

  private static byte[] fullTreeRoot(List<byte[]> hashes, Sha256d sha) {
    List<byte[]> level = new ArrayList<>(hashes);
    while (level.size() > 1) {
      if (level.size() % 2 == 1) {
        level.add(level.get(level.size() - 1));
      }
      List<byte[]> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        byte[] out = new byte[32];
        byte[] a = level.get(i).clone();
        sha.hashPair(a, level.get(i + 1), 0, out);
        next.add(out);
      }
      level = next;
    }
    return level.get(0);
  }

  @Test
  void declaresABlockWhenAShareMeetsTheNetworkTargetAndMovesOn() throws Exception {
    SourceJob job = started();
    UpstreamShare share = mineBlock(job, "rig-7");
    UpstreamResult result = source.submit(share).get();
    assertThat(result.isAccepted()).isTrue();
    assertThat(blocks).hasSize(1);
    BlockFound block = blocks.get(0);
    assertThat(block.height()).isEqualTo(100);
    assertThat(block.rigId()).isEqualTo("rig-7");
    assertThat(block.reward()).isEqualTo(625_000_000L);
    assertThat(block.hash()).hasSize(64);

    SourceJob next = jobs.get(jobs.size() - 1);
    assertThat(next.cleanJobs()).isTrue();
    assertThat(source.height()).isEqualTo(101);
    // the new job builds on the found block: prevhash (header order) = the block hash (internal)
    byte[] prev = next.job().prevHash();
    assertThat(Hex.displayOrder(prev)).isEqualTo(block.hash());

    // the same block again is stale
    assertThat(source.submit(share).get().status()).isEqualTo(UpstreamResult.Status.STALE);
  }

  @Test
  void refusesAShareBelowTheNetworkTarget() throws Exception {
    SourceJob job = started();
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha = new Sha256d();
    byte[] en2 = new byte[8];
    int nonce = 0;
    while (true) {
      byte[] hash =
          sha.hash(
              assembler.header(
                  job.job(), job.session().extranonce1(), en2, job.job().ntime(), nonce, 0, 0));
      if (!job.networkTarget().isMetBy(hash)) {
        break;
      }
      nonce++;
    }
    UpstreamResult r =
        source
            .submit(
                new UpstreamShare(
                    job,
                    "rig",
                    Hex.encode(en2),
                    Hex.encodeInt32(job.job().ntime()),
                    Hex.encodeInt32(nonce),
                    null))
            .get();
    assertThat(r.status()).isEqualTo(UpstreamResult.Status.REJECTED);
    assertThat(blocks).isEmpty();
  }
}
