package io.otedama.agent.cli;

import io.otedama.agent.config.AgentConfig;
import io.otedama.agent.config.AgentConfigLoader;
import io.otedama.agent.config.CredentialsWriter;
import io.otedama.agent.enroll.EnrollmentClient;
import io.otedama.agent.enroll.EnrollmentException;
import io.otedama.agent.enroll.HardwareIdProbe;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code enroll}: trades an enrollment token for the rig's credentials, once. */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    header = "Enrolls this rig with the controller once, using a token from the operator.",
    description = {
      "Sends the token and the rig's hardware identity (primary MAC address, else DMI serial,"
          + " else machine id) to POST /api/v1/enroll and writes the rig id and MQTT credentials"
          + " it gets back into the configuration file (created if missing, other settings kept,"
          + " mode 600). Enrolling the same hardware again returns the same rig id.",
      "Operators create tokens in the console or with POST /api/v1/enrollment-tokens."
    })
final class EnrollCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--controller",
      paramLabel = "URL",
      description =
          "The controller, e.g. http://controller:8080 (default: controller.url from the config).")
  URI controller;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "TOKEN",
      description = "An enrollment token.")
  String token;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The configuration file to write the credentials into.")
  Path config;

  @Option(
      names = "--hardware-id",
      paramLabel = "ID",
      description =
          "Use this identity instead of probing the hardware (1 to 128 visible characters).")
  String hardwareId;

  @Option(names = "--name", paramLabel = "NAME", description = "A display name for the rig.")
  String name;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      description = "The hardware model, e.g. 'Antminer S19'.")
  String model;

  @Option(
      names = "--broker",
      paramLabel = "URL",
      description = "Use this MQTT broker URL instead of the one the controller advertises.")
  URI broker;

  @Override
  public Integer call() {
    AgentConfig existing = AgentConfigLoader.loadOrEmpty(config);
    URI controllerUrl = controller != null ? controller : existing.controllerUrl();
    if (controllerUrl == null) {
      throw new ParameterException(
          spec.commandLine(), "--controller is required (the config has no controller.url)");
    }
    if (controllerUrl.getHost() == null
        || !("http".equals(controllerUrl.getScheme())
            || "https".equals(controllerUrl.getScheme()))) {
      throw new ParameterException(
          spec.commandLine(),
          "--controller must be an http:// or https:// URL, got '" + controllerUrl + "'");
    }
    if (token.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--token must not be empty");
    }
    String id = hardwareId;
    if (id == null) {
      id = new HardwareIdProbe(Path.of("/")).probe().hardwareId();
    } else if (!id.matches("\\p{Graph}{1,128}")) {
      throw new ParameterException(
          spec.commandLine(), "--hardware-id must be 1 to 128 visible characters without spaces");
    }
    String rigName = name != null ? name : existing.rig().name();
    String rigModel = model != null ? model : existing.rig().model();
    AgentConfig.Credentials credentials;
    try {
      credentials =
          EnrollmentClient.standard().enroll(controllerUrl, token.strip(), id, rigName, rigModel);
    } catch (EnrollmentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return AgentCli.FAILED;
    }
    if (broker != null) {
      credentials =
          new AgentConfig.Credentials(
              credentials.rigId(), broker, credentials.mqttUsername(), credentials.mqttPassword());
    }
    CredentialsWriter.write(config, credentials, controllerUrl);
    spec.commandLine()
        .getOut()
        .println(
            "enrolled as rig "
                + credentials.rigId()
                + " (hardware "
                + id
                + "); credentials written to "
                + config);
    return 0;
  }
}
