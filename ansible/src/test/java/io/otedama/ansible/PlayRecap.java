package io.otedama.ansible;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PLAY RECAP line of one host: how many tasks were ok, changed, failed and so on. */
record PlayRecap(int ok, int changed, int unreachable, int failed, int skipped) {

  /** Reads the recap of {@code host} from ansible-playbook's output. */
  static PlayRecap of(String host, String output) {
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + Pattern.quote(host)
                    + "\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)\\s+skipped=(\\d+)")
            .matcher(output);
    if (!m.find()) {
      throw new IllegalArgumentException("no PLAY RECAP for " + host + " in:\n" + output);
    }
    return new PlayRecap(
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(5)));
  }
}
