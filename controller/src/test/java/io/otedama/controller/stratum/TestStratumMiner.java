package io.otedama.controller.stratum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.miner.CpuMiner;
import io.otedama.hashing.miner.FoundShare;
import io.otedama.hashing.miner.MiningWork;
import io.otedama.hashing.stratum.StratumJob;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The repository's own small Stratum v1 miner: a real client (subscribe, authorize, extranonce
 * subscription, set_difficulty, notify, set_extranonce) that hashes with the hashing module's
 * {@link CpuMiner} on one thread and submits what it finds, counting the server's answers.
 */
public final class TestStratumMiner implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Socket socket;
  private final String username;
  private final CpuMiner miner;
  private final AtomicLong ids = new AtomicLong(100);
  public final AtomicInteger accepted = new AtomicInteger();
  final AtomicInteger rejected = new AtomicInteger();
  public final List<String> rejections = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<Double> difficulties = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile String extranonce1;
  private volatile int extranonce2Size;
  private volatile double difficulty = 1;

  public TestStratumMiner(int port, String username, String password) throws IOException {
    this.username = username;
    this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
    this.miner = new CpuMiner(1, this::submit);
    Thread.ofVirtual().start(this::read);
    send("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"otedama-test-miner/1\"]}");
    send("{\"id\":2,\"method\":\"mining.extranonce.subscribe\",\"params\":[]}");
    send(
        "{\"id\":3,\"method\":\"mining.authorize\",\"params\":[\""
            + username
            + "\",\""
            + password
            + "\"]}");
  }

  private synchronized void send(String line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        handle(JSON.readTree(line));
      }
    } catch (IOException e) {
      // closed
    }
  }

  private void handle(JsonNode msg) {
    String method = msg.path("method").asText("");
    JsonNode params = msg.path("params");
    switch (method) {
      case "mining.set_difficulty" -> {
        difficulty = params.get(0).asDouble();
        difficulties.add(difficulty);
      }
      case "mining.set_extranonce" -> {
        extranonce1 = params.get(0).asText();
        extranonce2Size = params.get(1).asInt();
      }
      case "mining.notify" -> {
        List<String> branch = new ArrayList<>();
        params.get(4).forEach(h -> branch.add(h.asText()));
        StratumJob job =
            StratumJob.fromNotify(
                params.get(0).asText(),
                params.get(1).asText(),
                params.get(2).asText(),
                params.get(3).asText(),
                branch,
                params.get(5).asText(),
                params.get(6).asText(),
                params.get(7).asText(),
                params.get(8).asBoolean());
        miner.setWork(
            new MiningWork(
                Algorithm.SHA256D,
                job,
                Hex.decode("extranonce1", extranonce1),
                new byte[0],
                extranonce2Size,
                Difficulty.toTarget(Algorithm.SHA256D, difficulty)));
      }
      case "" -> {
        long id = msg.path("id").asLong(-1);
        if (id == 1) {
          extranonce1 = msg.path("result").get(1).asText();
          extranonce2Size = msg.path("result").get(2).asInt();
        } else if (id >= 100) {
          if (msg.path("result").asBoolean(false)) {
            accepted.incrementAndGet();
          } else {
            rejected.incrementAndGet();
            rejections.add(msg.path("error").toString());
          }
        }
      }
      default -> {}
    }
  }

  private void submit(FoundShare share) {
    try {
      send(
          "{\"id\":"
              + ids.getAndIncrement()
              + ",\"method\":\"mining.submit\",\"params\":[\""
              + username
              + "\",\""
              + share.jobId()
              + "\",\""
              + share.extranonce2()
              + "\",\""
              + Hex.encodeInt32(share.ntime())
              + "\",\""
              + Hex.encodeInt32(share.nonce())
              + "\"]}");
    } catch (IOException e) {
      // the connection is gone; the test sees it in the counts
    }
  }

  long hashes() {
    return miner.hashes();
  }

  @Override
  public void close() throws IOException {
    miner.close();
    socket.close();
  }
}
