package io.otedama.agent.update;

import java.net.URI;
import java.util.Map;

/**
 * The {@code update-firmware} command's arguments.
 *
 * @param kind agent (the agent replaces itself) or miner
 */
public record UpdateRequest(
    URI url, String sha256, long size, String signature, String version, String kind) {

  /**
   * Reads and checks the arguments.
   *
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  public static UpdateRequest from(Map<String, Object> args) {
    String url = text(args, "url");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("url is not a URL: " + url);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("url must be http:// or https://, got " + url);
    }
    String sha = text(args, "sha256");
    if (!sha.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
    }
    Object size = args.get("size");
    long n;
    if (size instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
      n = num.longValue();
    } else {
      throw new IllegalArgumentException("size must be a whole number of bytes");
    }
    if (n < 1) {
      throw new IllegalArgumentException("size must be at least 1");
    }
    String version = text(args, "version");
    if (!version.matches("[A-Za-z0-9][A-Za-z0-9._+~-]{0,63}")) {
      throw new IllegalArgumentException("version must be 1 to 64 letters, digits and . _ + ~ -");
    }
    Object kind = args.getOrDefault("kind", "agent");
    if (!"agent".equals(kind) && !"miner".equals(kind)) {
      throw new IllegalArgumentException("kind must be agent or miner");
    }
    return new UpdateRequest(uri, sha, n, text(args, "signature"), version, (String) kind);
  }

  private static String text(Map<String, Object> args, String name) {
    Object v = args.get(name);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("argument '" + name + "' is required (a string)");
    }
    return s;
  }
}
