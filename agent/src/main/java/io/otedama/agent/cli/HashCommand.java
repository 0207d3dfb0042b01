package io.otedama.agent.cli;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Hex;
import io.otedama.hashing.scrypt.Scrypt;
import io.otedama.hashing.sha256.Sha256d;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hash}: the proof-of-work hash of one 80-byte header, in display order. */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    header = "Prints the proof-of-work hash of a block header.",
    description =
        "Hashes an 80-byte block header and prints the hash in display order (byte-reversed,"
            + " as block explorers show it): one line of 64 lowercase hex digits.")
final class HashCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--algo",
      defaultValue = "sha256d",
      paramLabel = "sha256d|scrypt",
      description = "Hash function (default: ${DEFAULT-VALUE}).")
  Algorithm algorithm;

  @Option(
      names = "--header",
      required = true,
      paramLabel = "HEX160",
      description = "The 80-byte header as 160 hex digits.")
  String header;

  @Override
  public Integer call() {
    byte[] bytes = Hex.decode("--header", header, 80);
    byte[] hash = hash(algorithm, bytes);
    spec.commandLine().getOut().println(Hex.displayOrder(hash));
    return 0;
  }

  static byte[] hash(Algorithm algorithm, byte[] header) {
    byte[] hash = new byte[32];
    switch (algorithm) {
      case SHA256D -> new Sha256d().hash(header, 0, header.length, hash, 0);
      case SCRYPT -> Scrypt.litecoin().hashHeader(header, hash, 0);
    }
    return hash;
  }
}
