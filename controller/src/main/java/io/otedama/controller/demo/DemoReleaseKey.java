package io.otedama.controller.demo;

import io.otedama.protocol.release.ReleaseSignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The demo's firmware release key pair, so an operator can try a rollout campaign: made at the
 * first start and kept in {@code data/demo-release-key.pem} (PKCS#8, owner-only: what {@code
 * otedama-controller firmware sign --key} reads) and {@code data/demo-release-key.pub.pem}. The
 * controller's {@code firmware.publicKeys} and the demo's simulated rigs trust the public key. Kept
 * across starts because artifacts uploaded earlier stay in {@code data/firmware} with signatures by
 * it. A real deployment keeps its private key off the controller (docs/firmware.md); the demo holds
 * both only because it is a demo.
 *
 * @param publicKeyBase64 the X.509 SubjectPublicKeyInfo in base64, as {@code firmware.publicKeys}
 *     and the agents' {@code update.publicKeys} take it
 */
record DemoReleaseKey(
    Path privateKeyFile, Path publicKeyFile, String publicKeyBase64, String keyId) {
  static final String PRIVATE_FILE = "demo-release-key.pem";
  static final String PUBLIC_FILE = "demo-release-key.pub.pem";

  /** The pair kept in {@code dataDir}, made now when either half is missing or unreadable. */
  static DemoReleaseKey resolve(Path dataDir) throws IOException {
    Path privateFile = dataDir.resolve(PRIVATE_FILE);
    Path publicFile = dataDir.resolve(PUBLIC_FILE);
    if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
      try {
        ReleaseSignatures.privateKey(Files.readString(privateFile, StandardCharsets.UTF_8));
        var trusted =
            ReleaseSignatures.publicKey(Files.readString(publicFile, StandardCharsets.UTF_8));
        return new DemoReleaseKey(
            privateFile,
            publicFile,
            Base64.getEncoder().encodeToString(trusted.key().getEncoded()),
            trusted.id());
      } catch (IllegalArgumentException e) {
        // damaged: a fresh pair below (artifacts signed by the old one are then refused)
      }
    }
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
    Files.deleteIfExists(privateFile);
    try {
      // owner-only from the start, not after the key is in it
      Files.createFile(
          privateFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(privateFile); // not a POSIX file system: default permissions
    }
    Files.writeString(
        privateFile,
        ReleaseSignatures.pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
        StandardCharsets.UTF_8);
    Files.writeString(
        publicFile,
        ReleaseSignatures.pem("PUBLIC KEY", pair.getPublic().getEncoded()),
        StandardCharsets.UTF_8);
    return new DemoReleaseKey(
        privateFile,
        publicFile,
        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
        ReleaseSignatures.keyId(pair.getPublic()));
  }
}
