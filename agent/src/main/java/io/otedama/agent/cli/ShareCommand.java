package io.otedama.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.hashing.stratum.StratumJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code share}: rebuilds the header of a Stratum submission from the job and the miner's fields,
 * and prints it with its hash and share difficulty.
 */
@Command(
    name = "share",
    mixinStandardHelpOptions = true,
    header = "Rebuilds a Stratum v1 share's block header and prints its hash and difficulty.",
    description = {
      "Builds the block header of a Stratum v1 share and prints three lines:",
      "  header=<160 hex>  hash=<64 hex, display order>  difficulty=<decimal>",
      "The difficulty is diff1 / hash as a plain decimal with 15 significant digits"
          + " (e.g. 683.509...)."
    })
final class ShareCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--notify",
      required = true,
      paramLabel = "JSON",
      description =
          "The 9-element params array of mining.notify: [jobId, prevhash, coinb1, coinb2,"
              + " [merkle branch], version, nbits, ntime, cleanJobs].")
  String notify;

  @Option(names = "--extranonce1", required = true, paramLabel = "HEX")
  String extranonce1;

  @Option(names = "--extranonce2", required = true, paramLabel = "HEX")
  String extranonce2;

  @Option(names = "--ntime", required = true, paramLabel = "HEX", description = "8 hex digits.")
  String ntime;

  @Option(names = "--nonce", required = true, paramLabel = "HEX", description = "8 hex digits.")
  String nonce;

  @Option(
      names = "--version-bits",
      paramLabel = "HEX",
      description = "The miner's rolled version bits (BIP 310), 8 hex digits.")
  String versionBits;

  @Option(
      names = "--version-mask",
      paramLabel = "HEX",
      defaultValue = "1fffe000",
      description =
          "The version-rolling mask applied to --version-bits (default: ${DEFAULT-VALUE}).")
  String versionMask;

  @Option(
      names = "--algo",
      defaultValue = "sha256d",
      paramLabel = "sha256d|scrypt",
      description = "Hash function (default: ${DEFAULT-VALUE}).")
  Algorithm algorithm;

  @Override
  public Integer call() {
    StratumJob job = parseNotify(notify);
    int bits = versionBits == null ? 0 : Hex.decodeInt32("--version-bits", versionBits);
    int mask = versionBits == null ? 0 : Hex.decodeInt32("--version-mask", versionMask);
    byte[] header =
        new HeaderAssembler()
            .header(
                job,
                Hex.decode("--extranonce1", extranonce1),
                Hex.decode("--extranonce2", extranonce2),
                Hex.decodeInt32("--ntime", ntime),
                Hex.decodeInt32("--nonce", nonce),
                bits,
                mask);
    byte[] hash = HashCommand.hash(algorithm, header);
    var out = spec.commandLine().getOut();
    out.println("header=" + Hex.encode(header));
    out.println("hash=" + Hex.displayOrder(hash));
    out.println("difficulty=" + Difficulty.format(Difficulty.ofHash(algorithm, hash)));
    return 0;
  }

  /** The job of a mining.notify params array, with errors that say which element is wrong. */
  static StratumJob parseNotify(String json) {
    JsonNode params;
    try {
      params = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("--notify is not valid JSON: " + e.getOriginalMessage());
    }
    if (params == null || !params.isArray() || params.size() < 9) {
      throw new IllegalArgumentException(
          "--notify must be the 9-element params array of mining.notify"
              + " [jobId, prevhash, coinb1, coinb2, [branch], version, nbits, ntime, clean]");
    }
    JsonNode branch = params.get(4);
    if (!branch.isArray()) {
      throw new IllegalArgumentException("--notify element 5 (merkle branch) must be an array");
    }
    List<String> steps = new ArrayList<>();
    for (JsonNode step : branch) {
      steps.add(text(step, "merkle branch entry"));
    }
    JsonNode clean = params.get(8);
    if (!clean.isBoolean()) {
      throw new IllegalArgumentException("--notify element 9 (clean jobs) must be true or false");
    }
    return StratumJob.fromNotify(
        text(params.get(0), "job id"),
        text(params.get(1), "prevhash"),
        text(params.get(2), "coinb1"),
        text(params.get(3), "coinb2"),
        steps,
        text(params.get(5), "version"),
        text(params.get(6), "nbits"),
        text(params.get(7), "ntime"),
        clean.booleanValue());
  }

  private static String text(JsonNode node, String what) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("--notify " + what + " must be a string");
    }
    return node.textValue();
  }
}
