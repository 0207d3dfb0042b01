package io.otedama.agent.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One line per log event on stderr (systemd's journal adds the time; the line keeps its own for
 * plain terminals), through {@code java.util.logging}, which the agent's {@code System.Logger}
 * calls and Paho use: no logging library in a process that must stay small.
 */
final class AgentLogging {
  private AgentLogging() {}

  static void configure(String level) {
    System.setProperty(
        "java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
    Level root = parse(level);
    Logger logger = Logger.getLogger("");
    for (Handler h : logger.getHandlers()) {
      logger.removeHandler(h);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new SimpleFormatter());
    console.setLevel(Level.ALL);
    logger.addHandler(console);
    logger.setLevel(root);
    // Paho logs reconnect chatter at INFO and FINE; the agent reports what matters itself
    Logger.getLogger("org.eclipse.paho")
        .setLevel(root.intValue() <= Level.FINE.intValue() ? root : Level.WARNING);
  }

  /** Checks a level name without configuring anything. */
  static void validate(String level) {
    parse(level);
  }

  private static Level parse(String level) {
    return switch (level.toLowerCase(java.util.Locale.ROOT)) {
      case "debug" -> Level.FINE;
      case "trace" -> Level.FINEST;
      case "warn", "warning" -> Level.WARNING;
      case "error" -> Level.SEVERE;
      case "info" -> Level.INFO;
      default ->
          throw new IllegalArgumentException(
              "log level must be error, warn, info, debug or trace, got '" + level + "'");
    };
  }
}
