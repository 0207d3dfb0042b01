package io.otedama.dashboards;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Stratum v1 pool on a loopback port for the controller under test to mine on: it answers
 * configure (version rolling granted), subscribe, extranonce.subscribe and authorize the way
 * ckpool-style pools do, sets a share difficulty low enough for the demo's slow simulated rigs,
 * sends one real job (the SHA-256d vector of /work/shared/testdata/HASHING_VECTORS.md) and accepts
 * every submit. Closing it refuses and drops its miners, as a pool that went down.
 */
final class UpstreamStratumPool implements Closeable {

  /** One share in 2^32·10⁻⁶ hashes: the demo's rigs (4000 H/s) each send one about every second. */
  private static final String DIFFICULTY = "0.000001";

  private static final String NOTIFY_PARAMS =
      "[\"6a1f\",\"0c859545a3498373a57452fac22eb7113df2a465000543520000000000000000\","
          + "\"01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4b"
          + "0389130cfabe6d6d5cbab26a2599e92916edec5657a94a0708ddb970f5c45b5d12905085617eff8e\","
          + "\"31650707758de07b010000000000001cfd7038212f736c7573682f000000000379ad0c2a0000000019"
          + "76a9147c154ed1dc59609e3d26abb2df2ea3d587cd8c4188ac00000000000000002c6a4c2952534b424c"
          + "4f434b3ae725d3994b811572c1f345deb98b56b465ef8e153ecbbd27fa37bf1b00516138000000000000"
          + "0000266a24aa21a9ed63b06a7946b190a3fda1d76165b25c9b883bcc6621b040773050ee2a1bb18f180"
          + "0000000\",["
          + "\"2b77d9e413e8121cd7a17ff46029591051d0922bd90b2b2a38811af1cb57a2b2\","
          + "\"5c8874cef00f3a233939516950e160949ef327891c9090467cead995441d22c5\","
          + "\"2d91ff8e19ac5fa69a40081f26c5852d366d608b04d2efe0d5b65d111d0d8074\","
          + "\"0ae96f609ad2264112a0b2dfb65624bedbcea3b036a59c0173394bba3a74e887\","
          + "\"e62172e63973d69574a82828aeb5711fc5ff97946db10fc7ec32830b24df7bde\","
          + "\"adb49456453aab49549a9eb46bb26787fb538e0a5f656992275194c04651ec97\","
          + "\"a7bc56d04d2672a8683892d6c8d376c73d250a4871fdf6f57019bcc737d6d2c2\","
          + "\"d94eceb8182b4f418cd071e93ec2a8993a0898d4c93bc33d9302f60dbbd0ed10\","
          + "\"5ad7788b8c66f8f50d332b88a80077ce10e54281ca472b4ed9bbbbcb6cf99083\","
          + "\"9f9d784b33df1b3ed3edb4211afc0dc1909af9758c6f8267e469f5148ed04809\","
          + "\"48fd17affa76b23e6fb2257df30374da839d6cb264656a82e34b350722b05123\","
          + "\"c4f5ab01913fc186d550c1a28f3f3e9ffaca2016b961a6a751f8cca0089df924\","
          + "\"cff737e1d00176dd6bbfa73071adbb370f227cfb5fba186562e4060fcec877e1\"],"
          + "\"20000004\",\"1705ae3a\",\"647025b5\",true]";

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+|\"[^\"]*\")");
  private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"([^\"]+)\"");

  private final ServerSocket server;
  private final List<Socket> miners = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private volatile boolean closed;

  UpstreamStratumPool() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("upstream-pool-" + server.getLocalPort()).start(this::accept);
  }

  String url() {
    return "stratum+tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Shares this pool accepted so far. */
  int accepted() {
    return accepted.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket miner = server.accept();
        if (closed) {
          miner.close(); // accepted while going down
          continue;
        }
        miners.add(miner);
        Thread.ofVirtual().start(() -> serve(miner));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket miner) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(miner.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (closed) {
          // a pool that went down answers nobody, whatever raced with its close
          miner.close();
          return;
        }
        Matcher method = METHOD.matcher(line);
        Matcher idMatch = ID.matcher(line);
        String id = idMatch.find() ? idMatch.group(1) : "null";
        if (method.find()) {
          answer(miner, method.group(1), id);
        }
      }
    } catch (IOException e) {
      // the miner left, or the pool went down
    } finally {
      miners.remove(miner);
    }
  }

  private void answer(Socket miner, String method, String id) throws IOException {
    switch (method) {
      case "mining.configure" ->
          write(
              miner,
              "{\"id\":"
                  + id
                  + ",\"result\":{\"version-rolling\":true,"
                  + "\"version-rolling.mask\":\"1fffe000\"},\"error\":null}");
      case "mining.subscribe" ->
          write(
              miner,
              "{\"id\":"
                  + id
                  + ",\"result\":[[[\"mining.set_difficulty\",\"b4b6693b72a50c7116db18d6497cac52\"],"
                  + "[\"mining.notify\",\"b4b6693b72a50c7116db18d6497cac52\"]],\"08000002\",8],"
                  + "\"error\":null}");
      case "mining.extranonce.subscribe" ->
          write(miner, "{\"id\":" + id + ",\"result\":true,\"error\":null}");
      case "mining.authorize" -> {
        write(miner, "{\"id\":" + id + ",\"result\":true,\"error\":null}");
        write(
            miner,
            "{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[" + DIFFICULTY + "]}");
        write(miner, "{\"id\":null,\"method\":\"mining.notify\",\"params\":" + NOTIFY_PARAMS + "}");
      }
      case "mining.submit" -> {
        accepted.incrementAndGet();
        write(miner, "{\"id\":" + id + ",\"result\":true,\"error\":null}");
      }
      default ->
          write(
              miner,
              "{\"id\":" + id + ",\"result\":null,\"error\":[20,\"Method not found\",null]}");
    }
  }

  private static void write(Socket miner, String line) throws IOException {
    synchronized (miner) {
      OutputStream out = miner.getOutputStream();
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  /** Goes down: the port refuses from now on and connected miners are dropped. */
  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket miner : miners) {
      try {
        miner.close();
      } catch (IOException e) {
        // dropping anyway
      }
    }
  }
}
