package io.otedama.controller.demo;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code demo [--rigs N] [--port P]}: the whole system on one machine. Embedded PostgreSQL and
 * broker with data under {@code ./data/}, the controller on port P (admin P+1, MQTT P+2, Stratum
 * P+3), the local work source, and N simulated rigs on the real agent code.
 */
public final class DemoCommand extends Command {
  static final Path DATA = Path.of("data");

  public DemoCommand() {
    super("demo", "Runs the whole system with simulated rigs (data under ./data/)");
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("--rigs").setDefault("5").help("simulated rigs (default 5)");
    subparser
        .addArgument("--port")
        .setDefault("8080")
        .help("HTTP port of the API and console (default 8080; admin P+1, MQTT P+2, Stratum P+3)");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
    int rigs = number("--rigs", namespace.getString("rigs"), 1, 10_000);
    int port = number("--port", namespace.getString("port"), 1, 65_532);
    Files.createDirectories(DATA);
    String password = DemoAdminPassword.resolve(DATA, System.getenv("OTEDAMA_ADMIN_PASSWORD"));
    DemoReleaseKey releaseKey = DemoReleaseKey.resolve(DATA);
    Path config = DemoConfig.write(DATA, port, password, releaseKey);
    new DemoApplication(rigs, port, password, releaseKey).run("server", config.toString());
  }

  private static int number(String flag, String value, int min, int max) {
    int n;
    try {
      n = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      n = Integer.MIN_VALUE;
    }
    if (n < min || n > max) {
      System.err.println(
          "otedama demo: "
              + flag
              + " must be a number from "
              + min
              + " to "
              + max
              + ", not '"
              + value
              + "'");
      System.exit(2);
    }
    return n;
  }
}
