package io.otedama.hashing.scan;

import io.otedama.hashing.Algorithm;

/**
 * Decides, once, whether the Vector API scanner can run: the incubator module must be in the boot
 * layer (the JVM was started with {@code --add-modules jdk.incubator.vector}) and the preferred int
 * species must have at least 8 lanes (AVX2 or AVX-512); with fewer lanes the scalar scanner is
 * faster. The vector class is only touched reflectively, so this jar runs without the module.
 */
final class VectorSupport {
  static final String MODULE = "jdk.incubator.vector";
  private static final String SCANNER = "io.otedama.hashing.scan.VectorNonceScanner";
  private static final String SCRYPT_SCANNER = "io.otedama.hashing.scan.VectorScryptNonceScanner";
  private static final boolean AVAILABLE = probe();
  private static final boolean SHA256_INTRINSIC = probeSha256Intrinsic();

  private VectorSupport() {}

  static boolean available() {
    return AVAILABLE;
  }

  /**
   * Whether HotSpot runs SHA-256 as an intrinsic (SHA extensions, or AVX2 on x86), so that {@code
   * MessageDigest} is faster than SHA-256 rounds written in Java.
   */
  static boolean sha256Intrinsified() {
    return SHA256_INTRINSIC;
  }

  private static boolean probeSha256Intrinsic() {
    try {
      var diagnostics =
          java.lang.management.ManagementFactory.getPlatformMXBean(
              com.sun.management.HotSpotDiagnosticMXBean.class);
      return diagnostics != null
          && Boolean.parseBoolean(diagnostics.getVMOption("UseSHA").getValue());
    } catch (RuntimeException | LinkageError e) {
      return false; // not HotSpot, or no management module: assume plain Java SHA-256
    }
  }

  /** A new vector scanner for the algorithm; only call when {@link #available()}. */
  static NonceScanner newScanner(Algorithm algorithm) {
    String name = algorithm == Algorithm.SHA256D ? SCANNER : SCRYPT_SCANNER;
    try {
      return (NonceScanner) Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the vector scanner could not be created", e);
    }
  }

  private static boolean probe() {
    if (Boolean.getBoolean("otedama.hashing.scalar")) {
      return false;
    }
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return false;
    }
    try {
      Object lanes = Class.forName(SCANNER).getMethod("lanes").invoke(null);
      return (Integer) lanes >= 8;
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }
}
