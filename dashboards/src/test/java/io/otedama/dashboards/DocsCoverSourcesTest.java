package io.otedama.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference docs keep up with the code: every JAX-RS endpoint of the controller is in
 * docs/api.md, every controller setting (the {@code @JsonProperty} names of its configuration
 * classes) and every agent setting (the keys the agent's config loader allows) is in
 * docs/configuration.md. The sources are read as text (the docs have no Maven module of their own,
 * and the controller's classes are not on this module's class path); the annotations they use are
 * the plain forms this reads.
 */
class DocsCoverSourcesTest {

  private static final Path ROOT = RepositoryLayout.repositoryRoot();
  private static final Pattern CLASS_PATH =
      Pattern.compile(
          "@Path\\(\"([^\"]*)\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*public\\s+(?:static\\s+)?(?:final\\s+)?class");
  private static final Pattern METHOD =
      Pattern.compile(
          "@(GET|POST|PUT|DELETE|PATCH)\\b((?:\\s*@\\w+(?:\\((?:[^()]|\\([^)]*\\))*\\))?)*)");
  private static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
  private static final Pattern DOC_ENDPOINT =
      Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) (/[^`?\\s]*)");
  private static final Pattern JSON_PROPERTY =
      Pattern.compile(
          "@JsonProperty(?:\\(\"([^\"]+)\"\\))?\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
              + "(?:public|private|protected)\\s+[\\w<>\\[\\], .?]+?\\s+(\\w+)\\s*[(=;]");
  private static final Pattern ALLOW_ONLY = Pattern.compile("allowOnly\\(([^)]*)\\)");
  private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z]+)\"");

  @Test
  void apiDocListsEveryEndpointOfTheController() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher doc = DOC_ENDPOINT.matcher(Files.readString(ROOT.resolve("docs/api.md")));
    while (doc.find()) {
      documented.add(doc.group(1) + " " + normalise(doc.group(2)));
    }
    Set<String> endpoints = new TreeSet<>();
    for (Path source : javaSources(ROOT.resolve("controller/src/main/java"))) {
      String text = Files.readString(source);
      if (!text.contains("@Path")) {
        continue;
      }
      // A method belongs to the nearest resource class declared before it (nested ones too).
      java.util.TreeMap<Integer, String> bases = new java.util.TreeMap<>();
      Matcher type = CLASS_PATH.matcher(text);
      while (type.find()) {
        bases.put(type.start(), type.group(1));
      }
      Matcher method = METHOD.matcher(text);
      while (method.find()) {
        var base = bases.floorEntry(method.start());
        Matcher path = METHOD_PATH.matcher(method.group(2));
        String full =
            (base == null ? "" : base.getValue()) + (path.find() ? "/" + path.group(1) : "");
        endpoints.add(method.group(1) + " " + normalise(full));
      }
    }
    assertThat(endpoints).as("endpoints found in the controller's sources").hasSizeGreaterThan(20);
    assertThat(documented).as("endpoints in docs/api.md").containsAll(endpoints);
  }

  @Test
  void configurationDocListsEveryControllerSetting() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/configuration.md"));
    List<String> missing = new ArrayList<>();
    int settings = 0;
    for (Path source : javaSources(ROOT.resolve("controller/src/main/java"))) {
      if (!source.getFileName().toString().endsWith("Configuration.java")) {
        continue;
      }
      Matcher property = JSON_PROPERTY.matcher(Files.readString(source));
      while (property.find()) {
        String name = property.group(1) != null ? property.group(1) : bean(property.group(2));
        settings++;
        if (!mentioned(doc, name)) {
          missing.add(source.getFileName() + ": " + name);
        }
      }
    }
    assertThat(settings).as("settings found").isGreaterThan(50);
    assertThat(missing).as("controller settings missing from docs/configuration.md").isEmpty();
  }

  @Test
  void configurationDocListsEveryAgentSetting() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/configuration.md"));
    String loader =
        Files.readString(
            ROOT.resolve("agent/src/main/java/io/otedama/agent/config/AgentConfigLoader.java"));
    Set<String> keys = new TreeSet<>();
    Matcher allow = ALLOW_ONLY.matcher(loader);
    while (allow.find()) {
      Matcher key = QUOTED.matcher(allow.group(1));
      while (key.find()) {
        keys.add(key.group(1));
      }
    }
    assertThat(keys).as("keys the agent's loader allows").contains("controller", "devices");
    assertThat(keys.stream().filter(k -> !mentioned(doc, k)).toList())
        .as("agent settings missing from docs/configuration.md")
        .isEmpty();
  }

  /** {@code name} appears as a word inside some `code span` of the doc. */
  private static boolean mentioned(String doc, String name) {
    return Pattern.compile("`[^`\\n]*\\b" + Pattern.quote(name) + "\\b[^`\\n]*`")
        .matcher(doc)
        .find();
  }

  /** {@code getEmbeddedPort} → {@code embeddedPort}; a field name stays as it is. */
  private static String bean(String member) {
    for (String prefix : List.of("get", "set", "is")) {
      if (member.startsWith(prefix)
          && member.length() > prefix.length()
          && Character.isUpperCase(member.charAt(prefix.length()))) {
        String rest = member.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return member;
  }

  /** Path parameters compared by position only: {@code /rigs/{rigId}} = {@code /rigs/{id}}. */
  private static String normalise(String path) {
    String p = ("/" + path).replaceAll("/+", "/").replaceAll("\\{[^}]*}", "{}");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static List<Path> javaSources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
