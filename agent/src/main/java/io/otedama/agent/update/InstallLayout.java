package io.otedama.agent.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The installed agent on disk: {@code target} is the jar ({@code otedama-agent.jar}) or the jlink
 * runtime image directory; beside it {@code <target>.new} while staging, {@code <target>.previous}
 * (what rollback restores) and {@code <target>.failed} (a rolled-back release, for inspection). For
 * a directory target the artifact is a zip of the image.
 */
public final class InstallLayout {
  private final Path target;

  public InstallLayout(Path target) {
    this.target = target.toAbsolutePath();
  }

  public Path target() {
    return target;
  }

  Path staged() {
    return sibling(".new");
  }

  Path previous() {
    return sibling(".previous");
  }

  Path failed() {
    return sibling(".failed");
  }

  private Path sibling(String suffix) {
    return target.resolveSibling(target.getFileName() + suffix);
  }

  /** Stages {@code artifact} beside the target (same file system, so the swap is a rename). */
  void stage(Path artifact) throws IOException {
    deleteTree(staged());
    if (Files.isDirectory(target)) {
      unzip(artifact, staged());
    } else {
      Files.copy(artifact, staged());
    }
  }

  /** target → previous, staged → target. */
  void swapIn() throws IOException {
    deleteTree(previous());
    Files.move(target, previous());
    Files.move(staged(), target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** target → failed, previous → target. */
  void rollBack() throws IOException {
    if (!Files.exists(previous())) {
      throw new IOException("no previous version at " + previous());
    }
    deleteTree(failed());
    if (Files.exists(target)) {
      Files.move(target, failed());
    }
    Files.move(previous(), target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void unzip(Path zip, Path into) throws IOException {
    Files.createDirectories(into);
    Path root = into.toAbsolutePath().normalize();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        Path out = root.resolve(e.getName()).normalize();
        if (!out.startsWith(root)) {
          throw new IOException("the image archive has an entry outside it: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(z, out, StandardCopyOption.REPLACE_EXISTING);
          if (out.getParent().getFileName().toString().equals("bin")) {
            Files.setPosixFilePermissions(
                out,
                Set.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_EXECUTE));
          }
        }
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    if (!Files.isDirectory(p)) {
      Files.delete(p);
      return;
    }
    Files.walkFileTree(
        p,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
