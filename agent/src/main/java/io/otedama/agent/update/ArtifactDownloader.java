package io.otedama.agent.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads an artifact into a file, resuming what is already there: a partial file (a dropped
 * connection, or an agent restarted mid-download) continues with {@code Range: bytes=<have>-}
 * guarded by {@code If-Range} on the artifact's ETag (its SHA-256), so bytes of another artifact
 * are never appended. A 206 appends; a 200 (the server ignored the range) starts over; a dropped
 * body is retried, and attempts that made progress do not count against {@code maxAttempts}. Never
 * writes more than the announced size.
 */
public final class ArtifactDownloader {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxAttempts;
  private final Duration retryDelay;
  private final AtomicLong resumes = new AtomicLong();

  /**
   * @param readTimeout a body that sends nothing for this long counts as dropped (and resumes)
   */
  public ArtifactDownloader(
      Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration retryDelay) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxAttempts = maxAttempts;
    this.retryDelay = retryDelay;
  }

  /** 15 s to connect, 30 s of silence drops a body, 5 attempts without progress, 2 s apart. */
  public static ArtifactDownloader standard() {
    return new ArtifactDownloader(
        Duration.ofSeconds(15), Duration.ofSeconds(30), 5, Duration.ofSeconds(2));
  }

  /** Requests that continued a partial file (for tests and logs). */
  public long resumes() {
    return resumes.get();
  }

  public void download(UpdateRequest request, Path target)
      throws UpdateFailure, InterruptedException {
    int failures = 0;
    String lastError = "no attempt";
    while (true) {
      long have = size(target);
      if (have > request.size()) {
        delete(target);
        have = 0;
      }
      if (have == request.size()) {
        return;
      }
      try {
        if (fetch(request, target, have)) {
          continue; // progress: the loop checks whether the file is complete
        }
      } catch (IOException e) {
        lastError = e.toString();
      }
      long after = size(target);
      if (after > have) {
        failures = 0; // it moved: a flaky link, not a dead one
      } else if (++failures >= maxAttempts) {
        throw new UpdateFailure(
            "download", "download: " + failures + " attempts without progress; last: " + lastError);
      }
      Thread.sleep(retryDelay.toMillis());
    }
  }

  /** One request; true when the body was read to its end. */
  private boolean fetch(UpdateRequest request, Path target, long have)
      throws IOException, UpdateFailure {
    // HttpURLConnection for its read timeout: a stalled body must fail, not hang the update
    HttpURLConnection c = (HttpURLConnection) request.url().toURL().openConnection();
    c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
    c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
    c.setInstanceFollowRedirects(true);
    if (have > 0) {
      c.setRequestProperty("Range", "bytes=" + have + "-");
      c.setRequestProperty("If-Range", "\"" + request.sha256() + "\"");
      resumes.incrementAndGet();
    }
    try {
      int status = c.getResponseCode();
      long offset;
      if (status == 206) {
        offset = rangeStart(c.getHeaderField("Content-Range")).orElse(-1L);
        if (offset != have) {
          throw new IOException("the server sent a range from " + offset + ", asked " + have);
        }
      } else if (status == 200) {
        offset = 0;
      } else if (status == 416) {
        delete(target); // our partial file does not fit what the server has: start over
        throw new IOException("HTTP 416 for bytes=" + have + "-");
      } else if (status >= 500 || status == 408 || status == 429) {
        throw new IOException("HTTP " + status);
      } else {
        throw new UpdateFailure(
            "download", "download: HTTP " + status + " from " + redacted(request));
      }
      long limit = request.size() - offset;
      try (InputStream body = c.getInputStream();
          OutputStream out =
              offset == 0
                  ? Files.newOutputStream(target)
                  : Files.newOutputStream(target, StandardOpenOption.APPEND)) {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
          if (written + n > limit) {
            throw new UpdateFailure(
                "size-mismatch",
                "size-mismatch: the server sent more than the announced "
                    + request.size()
                    + " bytes");
          }
          out.write(buffer, 0, n);
          written += n;
        }
      }
      return true;
    } finally {
      c.disconnect();
    }
  }

  private static Optional<Long> rangeStart(String contentRange) {
    if (contentRange == null) {
      return Optional.empty();
    }
    Matcher m = CONTENT_RANGE.matcher(contentRange.strip());
    return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /** The URL without its last path segment (the download token). */
  private static String redacted(UpdateRequest request) {
    String s = request.url().toString();
    int slash = s.lastIndexOf('/');
    return slash > 8 ? s.substring(0, slash) + "/…" : s;
  }

  private static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // overwritten by the next full download
    }
  }
}
