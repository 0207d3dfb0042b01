package io.otedama.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The disk spool on real files: order, limits, restarts, torn writes, a full disk. */
@Timeout(60)
class DiskSpoolTest {
  @TempDir Path dir;

  static byte[] payload(String text, int size) {
    byte[] bytes = new byte[size];
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(t, 0, bytes, 0, Math.min(t.length, size));
    return bytes;
  }

  static String text(SpoolRecord r) {
    return new String(r.payload(), StandardCharsets.UTF_8).trim();
  }

  static List<String> drain(Spool spool) {
    List<String> out = new ArrayList<>();
    while (true) {
      List<SpoolRecord> batch = spool.peek(7);
      if (batch.isEmpty()) {
        return out;
      }
      batch.forEach(r -> out.add(r.kind().name().charAt(0) + ":" + text(r)));
      spool.commit(batch.get(batch.size() - 1).seq());
    }
  }

  @Test
  void keepsTheOrderAcrossSegmentsAndKinds() throws IOException {
    try (DiskSpool spool = new DiskSpool(dir, 64 * 1024)) {
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        SpoolKind kind = i % 3 == 0 ? SpoolKind.SHARES : SpoolKind.TELEMETRY;
        spool.append(kind, payload("m" + i, 300));
        expected.add(kind.name().charAt(0) + ":m" + i);
      }
      assertThat(segments()).hasSizeGreaterThan(1);
      assertThat(spool.stats().records()).isEqualTo(100);
      assertThat(drain(spool)).containsExactlyElementsOf(expected);
      assertThat(spool.isEmpty()).isTrue();
    }
    assertThat(segments()).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void survivesARestartAndRemembersWhatWasDelivered() throws IOException {
    try (DiskSpool spool = new DiskSpool(dir, 1024 * 1024)) {
      for (int i = 0; i < 20; i++) {
        spool.append(SpoolKind.SHARES, payload("s" + i, 100));
      }
      List<SpoolRecord> first = spool.peek(5);
      spool.commit(first.get(4).seq());
    }
    try (DiskSpool reopened = new DiskSpool(dir, 1024 * 1024)) {
      assertThat(reopened.stats().records()).isEqualTo(15);
      List<String> rest = drain(reopened);
      assertThat(rest).first().isEqualTo("S:s5");
      assertThat(rest).last().isEqualTo("S:s19");
      long seqAfterRestart = reopened.append(SpoolKind.SHARES, payload("new", 10));
      assertThat(seqAfterRestart).isGreaterThan(20);
    }
  }

  @Test
  void dropsTheOldestTelemetryFirstAndNeverASharesBeforeTelemetry() throws IOException {
    long limit = 64 * 1024;
    try (DiskSpool spool = new DiskSpool(dir, limit)) {
      // 40 shares of 1 KiB, then telemetry until well past the limit
      for (int i = 0; i < 40; i++) {
        spool.append(SpoolKind.SHARES, payload("s" + i, 1000));
      }
      for (int i = 0; i < 200; i++) {
        spool.append(SpoolKind.TELEMETRY, payload("t" + i, 500));
        assertThat(spool.stats().bytes()).isLessThanOrEqualTo(limit);
      }
      SpoolStats stats = spool.stats();
      assertThat(stats.droppedOther()).isZero();
      assertThat(stats.droppedTelemetry()).isPositive();
      List<String> left = drain(spool);
      assertThat(left.stream().filter(s -> s.startsWith("S:"))).hasSize(40);
      List<String> telemetry = left.stream().filter(s -> s.startsWith("T:")).toList();
      assertThat(telemetry).isNotEmpty();
      // what is left is the newest telemetry, in order
      assertThat(telemetry).last().isEqualTo("T:t199");
      int firstKept = Integer.parseInt(telemetry.get(0).substring(3));
      assertThat(telemetry).hasSize(200 - firstKept);
    }
  }

  @Test
  void whenOnlySharesAreLeftTheOldestSharesGoAndNewTelemetryIsRefused() throws IOException {
    long limit = 64 * 1024;
    try (DiskSpool spool = new DiskSpool(dir, limit)) {
      for (int i = 0; i < 100; i++) {
        spool.append(SpoolKind.SHARES, payload("s" + i, 1000));
      }
      assertThat(spool.stats().bytes()).isLessThanOrEqualTo(limit);
      long sharesDropped = spool.stats().droppedOther();
      assertThat(sharesDropped).isPositive();
      long sharesKept = spool.stats().records();
      // telemetry bigger than the room left, with no older telemetry to drop: refused
      assertThat(spool.append(SpoolKind.TELEMETRY, payload("big", 9000))).isEqualTo(-1);
      // telemetry that fits takes the room left, then newer telemetry replaces older telemetry:
      // never a share
      for (int i = 0; i < 20; i++) {
        spool.append(SpoolKind.TELEMETRY, payload("t" + i, 2000));
      }
      assertThat(spool.stats().droppedTelemetry()).isPositive();
      assertThat(spool.stats().droppedOther()).isEqualTo(sharesDropped);
      List<String> left = drain(spool);
      assertThat(left.stream().filter(x -> x.startsWith("S:"))).hasSize((int) sharesKept);
      assertThat(left.stream().filter(x -> x.startsWith("S:")).reduce((a, b) -> b))
          .hasValue("S:s99");
    }
  }

  @Test
  void aTornRecordAtTheEndIsCutOffAndEverythingBeforeItSurvives() throws IOException {
    try (DiskSpool spool = new DiskSpool(dir, 1024 * 1024)) {
      for (int i = 0; i < 5; i++) {
        spool.append(SpoolKind.SHARES, payload("s" + i, 50));
      }
    }
    Path segment = segments().get(segments().size() - 1);
    // half a record: a power cut in the middle of a write
    Files.write(segment, new byte[] {DiskSpool.MAGIC, 2, 0, 0, 0}, StandardOpenOption.APPEND);
    try (DiskSpool reopened = new DiskSpool(dir, 1024 * 1024)) {
      assertThat(drain(reopened)).containsExactly("S:s0", "S:s1", "S:s2", "S:s3", "S:s4");
    }
    // a flipped byte in a payload: the CRC catches it, the records before it survive
    try (DiskSpool spool = new DiskSpool(dir, 1024 * 1024)) {
      for (int i = 0; i < 3; i++) {
        spool.append(SpoolKind.SHARES, payload("x" + i, 50));
      }
    }
    Path last = segments().get(segments().size() - 1);
    byte[] bytes = Files.readAllBytes(last);
    bytes[bytes.length - 10] ^= 0x55;
    Files.write(last, bytes);
    try (DiskSpool reopened = new DiskSpool(dir, 1024 * 1024)) {
      assertThat(drain(reopened)).containsExactly("S:x0", "S:x1");
    }
  }

  @Test
  void aFullDiskKeepsMessagesInMemoryInOrderAndTheSpoolRecovers() throws IOException {
    try (DiskSpool spool = new DiskSpool(dir, 64 * 1024)) {
      spool.append(SpoolKind.SHARES, payload("before", 100));
      // the next segment file is /dev/full: every write fails with ENOSPC
      Path next = dir.resolve(DiskSpool.segmentName(2));
      Files.createSymbolicLink(next, Path.of("/dev/full"));
      // the first segment is 8 KiB: fill it, the roll then hits the full "disk"
      for (int i = 0; i < 20; i++) {
        assertThat(spool.append(SpoolKind.SHARES, payload("s" + i, 1000))).isPositive();
      }
      assertThat(spool.stats().writeFailures()).isPositive();
      // the disk has room again
      Files.delete(next);
      spool.append(SpoolKind.SHARES, payload("after", 100));
      List<String> all = drain(spool);
      assertThat(all).first().isEqualTo("S:before");
      assertThat(all).last().isEqualTo("S:after");
      assertThat(all).hasSize(22);
      for (int i = 0; i < 20; i++) {
        assertThat(all.get(i + 1)).isEqualTo("S:s" + i);
      }
    }
  }

  @Test
  void theMemorySpoolHasTheSameDropOrder() {
    MemorySpool spool = new MemorySpool(10_000);
    for (int i = 0; i < 5; i++) {
      spool.append(SpoolKind.SHARES, payload("s" + i, 1000));
    }
    for (int i = 0; i < 20; i++) {
      spool.append(SpoolKind.TELEMETRY, payload("t" + i, 1000));
    }
    assertThat(spool.stats().bytes()).isLessThanOrEqualTo(10_000);
    List<String> left = drain(spool);
    assertThat(left.stream().filter(s -> s.startsWith("S:"))).hasSize(5);
    assertThat(left).last().isEqualTo("T:t19");
    assertThat(spool.stats().droppedOther()).isZero();
  }

  private List<Path> segments() throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".spool")).sorted().toList();
    }
  }
}
