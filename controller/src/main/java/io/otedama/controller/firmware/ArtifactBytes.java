package io.otedama.controller.firmware;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves an artifact's bytes with HTTP range requests (RFC 9110): {@code Range: bytes=N-} or {@code
 * bytes=N-M} or {@code bytes=-K} gives 206 with {@code Content-Range}; a range past the end gives
 * 416; no range (or several ranges, or an {@code If-Range} that does not match the ETag, the
 * SHA-256) gives the whole file with 200. A resuming agent asks for {@code bytes=<what it has>-}.
 */
final class ArtifactBytes {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private final FirmwareMetrics metrics;

  ArtifactBytes(FirmwareMetrics metrics) {
    this.metrics = metrics;
  }

  Response serve(Artifact artifact, Path file, String range, String ifRange) {
    if (!Files.isRegularFile(file)) {
      metrics.download("refused");
      return ErrorBody.of(410, "The artifact's file is missing from the controller's storage.");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      return ErrorBody.of(500, "The artifact's file cannot be read.");
    }
    String etag = "\"" + artifact.sha256() + "\"";
    boolean useRange = range != null && (ifRange == null || ifRange.equals(etag));
    long from = 0;
    long to = size - 1;
    if (useRange) {
      Matcher m = SINGLE.matcher(range.strip());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        try {
          if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            from = Math.max(0, size - suffix);
          } else {
            from = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
              to = Math.min(size - 1, Long.parseLong(m.group(2)));
            }
          }
        } catch (NumberFormatException e) {
          useRange = false;
        }
        if (useRange && (from >= size || from > to)) {
          metrics.download("refused");
          return Response.status(416)
              .header("Content-Range", "bytes */" + size)
              .header("Accept-Ranges", "bytes")
              .build();
        }
      } else {
        useRange = false; // several ranges or another unit: the whole file is a valid answer
      }
      if (!useRange) {
        from = 0;
        to = size - 1;
      }
    }
    long start = from;
    long length = to - from + 1;
    StreamingOutput body = out -> copy(file, start, length, out);
    Response.ResponseBuilder r =
        Response.status(useRange ? 206 : 200)
            .entity(body)
            .type("application/octet-stream")
            .header("Accept-Ranges", "bytes")
            .header("ETag", etag)
            .header("Content-Length", length)
            .header("X-Otedama-Sha256", artifact.sha256())
            .header(
                "Content-Disposition",
                "attachment; filename=\"" + artifact.name() + "-" + artifact.version() + ".bin\"");
    if (useRange) {
      r.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    metrics.download(useRange ? "range" : "full");
    return r.build();
  }

  private void copy(Path file, long start, long length, OutputStream out) throws IOException {
    try (FileChannel ch = FileChannel.open(file);
        InputStream in = Channels.newInputStream(ch.position(start))) {
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
        metrics.bytesServed(n);
      }
    }
  }
}
