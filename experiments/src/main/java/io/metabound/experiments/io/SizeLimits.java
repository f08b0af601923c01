package io.metabound.experiments.io;

/**
 * Checks a size a user asked for against the memory it needs before anything is allocated, so a
 * huge dimension, task count or grid is a one-line input error ("asked 8.0 GB for the task
 * Hessians, limit 6.0 GB") and never an {@link OutOfMemoryError} or an integer overflow deep in
 * a matrix library.
 *
 * <p>The limit is half the JVM's maximum heap: the other half is left for the computation's
 * working arrays, which are of the same order as its inputs.
 */
public final class SizeLimits {

  /** Bytes of a {@code double}. */
  public static final long DOUBLE_BYTES = Double.BYTES;

  /** Largest task file read, in bytes (a task file is text written by a person or a script). */
  public static final long MAX_TASK_FILE_BYTES = 256L << 20;

  private SizeLimits() {}

  /** Bytes this process lets one input take. */
  public static long memoryLimitBytes() {
    return Runtime.getRuntime().maxMemory() / 2;
  }

  /**
   * Bytes of {@code count} doubles, saturating at {@link Long#MAX_VALUE} instead of overflowing.
   *
   * @param factors the dimensions whose product is the number of doubles (e.g. tasks, d, d)
   */
  public static long doubles(long... factors) {
    long product = DOUBLE_BYTES;
    for (long f : factors) {
      if (f < 0) {
        throw new InputTooLargeException("a negative size " + f + " was asked");
      }
      if (f != 0 && product > Long.MAX_VALUE / f) {
        return Long.MAX_VALUE;
      }
      product *= f;
    }
    return product;
  }

  /**
   * Fails with a message giving the size asked and the limit when {@code bytes} exceed {@link
   * #memoryLimitBytes()}.
   *
   * @param what what is being allocated, for the message ("the Hessians of 10^9 tasks with d = 10")
   */
  public static void require(long bytes, String what) {
    long limit = memoryLimitBytes();
    if (bytes > limit) {
      throw new InputTooLargeException(
          what + " needs " + human(bytes) + ", more than the limit of " + human(limit)
              + " (half the JVM heap; raise it with JAVA_OPTS=-Xmx...)");
    }
  }

  /** Fails when a Java array would need more than {@link Integer#MAX_VALUE} - 8 elements. */
  public static int arrayLength(long length, String what) {
    if (length > Integer.MAX_VALUE - 8L) {
      throw new InputTooLargeException(
          what + " has " + length + " entries, more than an array holds (" + (Integer.MAX_VALUE - 8L) + ")");
    }
    return (int) length;
  }

  /** A byte count in words: {@code 1.5 GB}. */
  public static String human(long bytes) {
    if (bytes == Long.MAX_VALUE) {
      return "more than 9 EB";
    }
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
