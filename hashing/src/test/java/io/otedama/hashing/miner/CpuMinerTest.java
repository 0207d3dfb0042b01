package io.otedama.hashing.miner;

import static io.otedama.hashing.Vectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.Target;
import io.otedama.hashing.Vectors;
import io.otedama.hashing.scan.NonceListener;
import io.otedama.hashing.scan.NonceScanner;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CpuMinerTest {
  private static final byte[] GENESIS_COINBASE = bytes(Vectors.GENESIS_COINBASE);

  /** Genesis work: extranonce2 fixed to the genesis bytes, so exactly the genesis header. */
  private static MiningWork genesisWork(Target target) {
    return new MiningWork(
        Algorithm.SHA256D,
        Vectors.genesisJob(),
        Arrays.copyOfRange(GENESIS_COINBASE, 40, 44),
        Arrays.copyOfRange(GENESIS_COINBASE, 44, 48),
        4,
        target);
  }

  @Test
  void findsTheKnownShareOfTheFirstNonces() throws Exception {
    // the reference: the lowest hash among the first 4096 nonces of the genesis header; with that
    // hash as the target it is the only share there, and one thread scans from nonce 0 upwards
    byte[] header = bytes(Vectors.GENESIS_HEADER);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    BigInteger lowest = null;
    int lowestNonce = -1;
    for (int nonce = 0; nonce < 4096; nonce++) {
      header[76] = (byte) nonce;
      header[77] = (byte) (nonce >>> 8);
      header[78] = (byte) (nonce >>> 16);
      header[79] = (byte) (nonce >>> 24);
      byte[] hash = sha256.digest(sha256.digest(header));
      BigInteger value = new BigInteger(1, Hex.decode("hash", Hex.displayOrder(hash)));
      if (lowest == null || value.compareTo(lowest) < 0) {
        lowest = value;
        lowestNonce = nonce;
      }
    }
    List<FoundShare> shares = new CopyOnWriteArrayList<>();
    try (CpuMiner miner = new CpuMiner(1, shares::add)) {
      miner.setWork(genesisWork(Target.of(lowest)));
      await().atMost(Duration.ofSeconds(60)).until(() -> !shares.isEmpty());
    }
    FoundShare share = shares.get(0);
    assertThat(share.jobId()).isEqualTo("genesis");
    assertThat(share.nonce()).isEqualTo(lowestNonce);
    assertThat(share.ntime()).isEqualTo(0x495fab29);
    assertThat(share.extranonce2()).isEqualTo("ff001d01");
    assertThat(share.hash()).isEqualTo(String.format("%064x", lowest));
  }

  @Test
  void threadsSplitTheNonceSpace() {
    Target target = Difficulty.toTarget(Algorithm.SHA256D, 1e-5); // ~1 share per 43k hashes
    List<FoundShare> shares = new CopyOnWriteArrayList<>();
    try (CpuMiner miner = new CpuMiner(2, shares::add)) {
      miner.setWork(genesisWork(target));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() ->
              shares.stream().anyMatch(s -> s.nonce() >= 0)
                  && shares.stream().anyMatch(s -> s.nonce() < 0));
    }
    // thread 0 scans [0, 2^31) and thread 1 [2^31, 2^32): as signed ints, >= 0 and < 0
    assertThat(shares).allSatisfy(s -> assertThat(s.extranonce2()).isEqualTo("ff001d01"));
  }

  @Test
  void everyReportedShareMeetsTheTargetWhenRebuiltFromScratch() {
    StratumJob job = Vectors.genesisJob();
    Target target = Difficulty.toTarget(Algorithm.SHA256D, 1e-5); // ~1 share per 43k hashes
    List<FoundShare> shares = new CopyOnWriteArrayList<>();
    try (CpuMiner miner = new CpuMiner(2, shares::add)) {
      miner.setWork(
          new MiningWork(Algorithm.SHA256D, job, bytes("cafe0001"), bytes("ab"), 4, target));
      await().atMost(Duration.ofSeconds(60)).until(() -> shares.size() >= 20);
    }
    HeaderAssembler assembler = new HeaderAssembler();
    Sha256d sha256d = new Sha256d();
    for (FoundShare share : shares.subList(0, 20)) {
      assertThat(share.extranonce2()).hasSize(8).startsWith("ab");
      byte[] header =
          assembler.header(
              job,
              bytes("cafe0001"),
              bytes(share.extranonce2()),
              share.ntime(),
              share.nonce(),
              0,
              0);
      byte[] hash = sha256d.hash(header);
      assertThat(target.isMetBy(hash)).isTrue();
      assertThat(Hex.displayOrder(hash)).isEqualTo(share.hash());
      assertThat(share.difficulty()).isGreaterThanOrEqualTo(1e-5);
    }
  }

  @Test
  void switchesEveryThreadPromptlyToANewJobAndStopsOnClose() {
    Map<Integer, String> lastJobByThread = new ConcurrentHashMap<>();
    int threads = 3;
    CpuMiner miner =
        new CpuMiner(threads, share -> {}, () -> new RecordingScanner(lastJobByThread));
    StratumJob a = Vectors.genesisJob();
    StratumJob b =
        StratumJob.of(
            "second",
            new byte[32],
            new byte[] {1},
            new byte[] {2},
            List.of(),
            2,
            0x1d00ffff,
            7,
            true);
    Target impossible = Target.of(java.math.BigInteger.ZERO);
    miner.setWork(new MiningWork(Algorithm.SHA256D, a, new byte[4], new byte[0], 4, impossible));
    await().atMost(Duration.ofSeconds(30)).until(() -> lastJobByThread.size() == threads);
    long before = miner.hashes();
    await().atMost(Duration.ofSeconds(30)).until(() -> miner.hashes() > before);

    miner.setWork(new MiningWork(Algorithm.SHA256D, b, new byte[4], new byte[0], 4, impossible));
    // version 2 in the header marks the second job
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> lastJobByThread.values().stream().allMatch("02000000"::equals));
    assertThat(miner.work().job().jobId()).isEqualTo("second");

    miner.close();
    long after = miner.hashes();
    assertThat(miner.hashes()).isEqualTo(after);
    assertThatThrownBy(() -> miner.setWork(genesisWork(impossible)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTargetOnlyChangeKeepsTheSearchPositionSoNoShareIsFoundTwice() {
    // a vardiff retarget: the same job (decoded again, as the agent does for every assignment)
    // with another share target. Restarting the search would re-find the early shares under the
    // easier target, i.e. duplicates the controller rejects.
    Target harder = Difficulty.toTarget(Algorithm.SHA256D, 2e-5);
    Target easier = Difficulty.toTarget(Algorithm.SHA256D, 1e-5);
    List<FoundShare> shares = new CopyOnWriteArrayList<>();
    try (CpuMiner miner = new CpuMiner(2, shares::add)) {
      for (int round = 0; round < 6; round++) {
        int before = shares.size();
        miner.setWork(genesisWork(round % 2 == 0 ? harder : easier));
        await().atMost(Duration.ofSeconds(60)).until(() -> shares.size() >= before + 3);
      }
      // a pause and the same work again resumes too
      int before = shares.size();
      miner.pause();
      miner.setWork(genesisWork(easier));
      await().atMost(Duration.ofSeconds(60)).until(() -> shares.size() >= before + 3);
    }
    List<String> keys = shares.stream().map(s -> s.extranonce2() + "/" + s.nonce()).toList();
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void anotherJobOrSliceStillRestartsTheSearch() {
    MiningWork work = genesisWork(Target.MAX);
    assertThat(work.sameSearchSpaceAs(genesisWork(Difficulty.toTarget(Algorithm.SHA256D, 3))))
        .isTrue();
    StratumJob other =
        StratumJob.of(
            "genesis", new byte[32], new byte[] {1}, new byte[] {2}, List.of(), 1, 1, 1, true);
    assertThat(
            work.sameSearchSpaceAs(
                new MiningWork(
                    Algorithm.SHA256D,
                    other,
                    Arrays.copyOfRange(GENESIS_COINBASE, 40, 44),
                    Arrays.copyOfRange(GENESIS_COINBASE, 44, 48),
                    4,
                    Target.MAX)))
        .isFalse();
    assertThat(
            work.sameSearchSpaceAs(
                new MiningWork(
                    Algorithm.SHA256D,
                    Vectors.genesisJob(),
                    Arrays.copyOfRange(GENESIS_COINBASE, 40, 44),
                    new byte[] {1},
                    4,
                    Target.MAX)))
        .isFalse();
  }

  @Test
  void minesScryptToo() {
    Target target = Difficulty.toTarget(Algorithm.SCRYPT, 1.0 / 16384); // ~1 in 4 hashes
    List<FoundShare> shares = new CopyOnWriteArrayList<>();
    try (CpuMiner miner = new CpuMiner(1, shares::add)) {
      miner.setWork(
          new MiningWork(
              Algorithm.SCRYPT, Vectors.genesisJob(), new byte[4], new byte[0], 4, target));
      await().atMost(Duration.ofSeconds(60)).until(() -> shares.size() >= 3);
    }
    assertThat(shares).allSatisfy(s -> assertThat(s.algorithm()).isEqualTo(Algorithm.SCRYPT));
    assertThat(shares).allSatisfy(s -> assertThat(s.difficulty()).isGreaterThan(1.0 / 16384));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new CpuMiner(0, s -> {})).hasMessageContaining("at least one thread");
    assertThatThrownBy(() ->
            new MiningWork(
                Algorithm.SHA256D, Vectors.genesisJob(), new byte[4], new byte[5], 4, Target.MAX))
        .hasMessageContaining("extranonce2 size");
  }

  /** A real scalar scanner that also records the version bytes of the header it works on. */
  private static final class RecordingScanner implements NonceScanner {
    private final Map<Integer, String> lastJobByThread;
    private final NonceScanner delegate = NonceScanner.create(Algorithm.SHA256D);

    RecordingScanner(Map<Integer, String> lastJobByThread) {
      this.lastJobByThread = lastJobByThread;
    }

    @Override
    public void setWork(byte[] header, Target target) {
      delegate.setWork(header, target);
      lastJobByThread.put(
          System.identityHashCode(Thread.currentThread()), Hex.encode(header, 0, 4));
    }

    @Override
    public int scan(int firstNonce, int count, NonceListener listener) {
      return delegate.scan(firstNonce, count, listener);
    }

    @Override
    public Algorithm algorithm() {
      return Algorithm.SHA256D;
    }

    @Override
    public String implementation() {
      return "recording " + delegate.implementation();
    }
  }
}
