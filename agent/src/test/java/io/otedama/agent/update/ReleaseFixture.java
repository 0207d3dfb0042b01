package io.otedama.agent.update;

import io.otedama.protocol.release.ReleaseSignatures;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A release key pair and signed artifacts for the update tests. */
final class ReleaseFixture {
  final KeyPair keys;

  ReleaseFixture() {
    try {
      keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  List<ReleaseSignatures.TrustedKey> trusted() {
    return ReleaseSignatures.publicKeys(
        List.of(ReleaseSignatures.pem("PUBLIC KEY", keys.getPublic().getEncoded())));
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  String sha256(byte[] content) {
    return HexFormat.of().formatHex(ReleaseSignatures.sha256().digest(content));
  }

  String sign(byte[] content) {
    return ReleaseSignatures.sign(keys.getPrivate(), ReleaseSignatures.sha256().digest(content));
  }

  /** The update-firmware arguments for {@code content} served at {@code url}. */
  Map<String, Object> args(String url, byte[] content, String version) {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("url", url);
    args.put("sha256", sha256(content));
    args.put("size", (long) content.length);
    args.put("signature", sign(content));
    args.put("version", version);
    args.put("kind", "agent");
    return args;
  }
}
