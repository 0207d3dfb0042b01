package io.otedama.controller.firmware;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import io.otedama.protocol.release.ReleaseSignatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import net.sourceforge.argparse4j.inf.Subparsers;

/**
 * {@code firmware sign --key RELEASE.pem FILE}: prints the base64 Ed25519 signature over FILE's
 * SHA-256, what {@code POST /api/v1/firmware/artifacts} expects in {@code X-Otedama-Signature}.
 * {@code firmware keygen --out PREFIX}: writes PREFIX.pem (private, mode 600; keep it off the
 * controller) and PREFIX.pub.pem (for {@code firmware.publicKeys} and the agents' {@code
 * update.publicKeys}). Both run without a configuration or a database.
 */
public final class FirmwareCommand extends Command {
  private static final String ACTION = "firmware_action";

  public FirmwareCommand() {
    super("firmware", "Release signing: 'firmware sign --key KEY.pem FILE', 'firmware keygen'");
  }

  @Override
  public void configure(Subparser subparser) {
    Subparsers actions = subparser.addSubparsers().title("firmware tasks").dest(ACTION);
    Subparser sign =
        actions.addParser("sign").help("print the base64 Ed25519 signature of FILE's SHA-256");
    sign.addArgument("--key").required(true).help("the Ed25519 private key (PKCS#8 PEM)");
    sign.addArgument("file").help("the artifact to sign");
    Subparser keygen = actions.addParser("keygen").help("make an Ed25519 release key pair");
    keygen.addArgument("--out").required(true).help("PREFIX: writes PREFIX.pem and PREFIX.pub.pem");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    int code =
        "keygen".equals(namespace.getString(ACTION))
            ? keygen(Path.of(namespace.getString("out")), System.out, System.err)
            : sign(
                Path.of(namespace.getString("key")),
                Path.of(namespace.getString("file")),
                System.out,
                System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Signs; returns the exit code (2 with one line on {@code err} for unusable input). */
  static int sign(Path keyFile, Path file, PrintStream out, PrintStream err) {
    PrivateKey key;
    try {
      key = ReleaseSignatures.privateKey(Files.readString(keyFile));
    } catch (IOException e) {
      err.println("otedama firmware sign: cannot read the key " + keyFile + ": " + e);
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("otedama firmware sign: " + keyFile + ": " + e.getMessage());
      return 2;
    }
    byte[] digest;
    try {
      digest = ReleaseSignatures.sha256(file);
    } catch (IOException e) {
      err.println("otedama firmware sign: cannot read " + file + ": " + e);
      return 2;
    }
    out.println(ReleaseSignatures.sign(key, digest));
    return 0;
  }

  static int keygen(Path prefix, PrintStream out, PrintStream err) {
    Path privateFile = Path.of(prefix + ".pem");
    Path publicFile = Path.of(prefix + ".pub.pem");
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      err.println("otedama firmware keygen: this JDK has no Ed25519");
      return 1;
    }
    String publicPem = ReleaseSignatures.pem("PUBLIC KEY", pair.getPublic().getEncoded());
    try {
      Files.createFile(
          privateFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          privateFile, ReleaseSignatures.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicFile, publicPem);
    } catch (FileAlreadyExistsException e) {
      err.println("otedama firmware keygen: " + privateFile + " exists; not overwriting a key");
      return 2;
    } catch (IOException | UnsupportedOperationException e) {
      err.println("otedama firmware keygen: cannot write " + privateFile + ": " + e);
      return 2;
    }
    out.println("private key: " + privateFile + " (keep it off the controller)");
    out.println(
        "public key:  " + publicFile + " (id " + ReleaseSignatures.keyId(pair.getPublic()) + ")");
    out.print(publicPem);
    return 0;
  }
}
