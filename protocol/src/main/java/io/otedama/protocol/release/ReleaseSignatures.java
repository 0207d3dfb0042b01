package io.otedama.protocol.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Ed25519 release signatures. What is signed is the artifact's SHA-256 digest (the 32 raw bytes),
 * not the artifact itself: verifying then needs constant memory however large the artifact is
 * (PureEdDSA cannot stream), and the openssl equivalent is {@code openssl dgst -sha256 -binary -out
 * FILE.sha256 FILE && openssl pkeyutl -sign -rawin -inkey KEY.pem -in FILE.sha256 | base64 -w0}
 * (pkeyutl needs a file for -rawin, not a pipe).
 */
public final class ReleaseSignatures {
  /** The length of an Ed25519 signature in bytes. */
  public static final int SIGNATURE_BYTES = 64;

  private ReleaseSignatures() {}

  /** A trusted public key and its id (the first 8 bytes of the SHA-256 of its encoding, hex). */
  public record TrustedKey(String id, PublicKey key) {}

  /**
   * Parses an Ed25519 public key: PEM ({@code -----BEGIN PUBLIC KEY-----}) or the bare base64 of
   * the X.509 SubjectPublicKeyInfo.
   *
   * @throws IllegalArgumentException when it is not an Ed25519 public key (the message says why)
   */
  public static TrustedKey publicKey(String text) {
    byte[] der = pemBody(text, "PUBLIC KEY");
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      return new TrustedKey(keyId(der), key);
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** Parses every key; the error names the one that is wrong (0-based). */
  public static List<TrustedKey> publicKeys(List<String> texts) {
    List<TrustedKey> keys = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        keys.add(publicKey(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("public key " + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(keys);
  }

  /** Parses an Ed25519 private key in PKCS#8 PEM (what {@code openssl genpkey} writes). */
  public static PrivateKey privateKey(String pem) {
    byte[] der = pemBody(pem, "PRIVATE KEY");
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (InvalidKeySpecException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** PEM text of a key ({@code PUBLIC KEY} or {@code PRIVATE KEY}). */
  public static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  /** The id of a public key: hex of the first 8 bytes of SHA-256 over its X.509 encoding. */
  public static String keyId(PublicKey key) {
    return keyId(key.getEncoded());
  }

  private static String keyId(byte[] der) {
    byte[] digest = sha256().digest(der);
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  /** Signs a SHA-256 digest; returns the signature in base64. */
  public static String sign(PrivateKey key, byte[] sha256) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(sha256);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * The trusted key that made {@code signatureBase64} over {@code sha256}, if any.
   *
   * @throws IllegalArgumentException when the signature is not 64 bytes of base64
   */
  public static Optional<TrustedKey> verify(
      List<TrustedKey> trusted, byte[] sha256, String signatureBase64) {
    byte[] signature = decodeSignature(signatureBase64);
    for (TrustedKey k : trusted) {
      try {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(k.key());
        s.update(sha256);
        if (s.verify(signature)) {
          return Optional.of(k);
        }
      } catch (InvalidKeyException | SignatureException e) {
        // not this key
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JDK has no Ed25519", e);
      }
    }
    return Optional.empty();
  }

  /** Decodes and checks the shape of a base64 signature. */
  public static byte[] decodeSignature(String signatureBase64) {
    if (signatureBase64 == null || signatureBase64.isBlank()) {
      throw new IllegalArgumentException("the signature is missing");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signatureBase64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the signature is not base64", e);
    }
    if (signature.length != SIGNATURE_BYTES) {
      throw new IllegalArgumentException(
          "an Ed25519 signature is 64 bytes, this one is " + signature.length);
    }
    return signature;
  }

  /** SHA-256 of a file, streamed. */
  public static byte[] sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return md.digest();
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  private static byte[] pemBody(String text, String label) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the key is empty");
    }
    String body = text.strip();
    if (body.startsWith("-----BEGIN")) {
      String begin = "-----BEGIN " + label + "-----";
      String end = "-----END " + label + "-----";
      int from = body.indexOf(begin);
      int to = body.indexOf(end);
      if (from < 0 || to < 0) {
        throw new IllegalArgumentException("a PEM key here must be a '" + label + "'");
      }
      body = body.substring(from + begin.length(), to);
    }
    try {
      return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key is not base64 or PEM", e);
    }
  }
}
