package io.otedama.agent.cli;

import io.otedama.hashing.Algorithm;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The {@code otedama-agent} command line. To add a subcommand, write one class annotated with
 * {@link Command} and list it in {@code subcommands} below.
 *
 * <p>Errors: a bad argument (unknown option, malformed hex, wrong length, unknown algorithm) prints
 * one line {@code error: ...} on stderr and exits 2; any other failure prints one line and exits 1.
 * Never a stack trace.
 */
@Command(
    name = "otedama-agent",
    mixinStandardHelpOptions = true,
    versionProvider = AgentVersion.class,
    description = "The Otedama rig agent and its tools.",
    footer = {
      "",
      "Getting started on a rig:",
      "  1. otedama-agent enroll --controller https://controller:8080 \\",
      "       --token TOKEN --config /etc/otedama/agent/agent.yml",
      "  2. add your devices to agent.yml (docs/agent.md), then",
      "     otedama-agent run --config /etc/otedama/agent/agent.yml",
      "Each command has --help. Bad arguments exit with code 2."
    },
    subcommands = {
      RunCommand.class,
      EnrollCommand.class,
      SimulateCommand.class,
      HashCommand.class,
      ShareCommand.class,
      BenchCommand.class
    })
public final class AgentCli implements Runnable {
  /** Exit code for bad arguments. */
  public static final int BAD_ARGUMENTS = 2;

  /** Exit code for other failures. */
  public static final int FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(
        execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new AgentCli());
    cli.registerConverter(Algorithm.class, AgentCli::algorithm);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(AgentCli::badArguments);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof IllegalArgumentException) {
        commandLine.getErr().println("error: " + oneLine(e.getMessage()));
        return BAD_ARGUMENTS;
      }
      commandLine.getErr().println("error: " + oneLine(String.valueOf(e.getMessage())));
      return FAILED;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int badArguments(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr()
        .println(
            "error: "
                + oneLine(e.getMessage())
                + " (see "
                + cmd.getCommandSpec().qualifiedName()
                + " --help)");
    return BAD_ARGUMENTS;
  }

  private static Algorithm algorithm(String id) {
    try {
      return Algorithm.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(e.getMessage());
    }
  }

  static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
