package io.metabound.experiments.sweep;

/**
 * A deterministic slice of a sweep's cell list, written {@code i/n} (1-based: {@code 1/1} is the
 * whole grid). Cells are numbered row-major, {@code cell = row·columns + column}; shard {@code i}
 * of {@code n} holds the contiguous block
 *
 * <pre>{@code [ floor((i−1)·C/n), floor(i·C/n) )   for C cells,}</pre>
 *
 * so the shards partition the grid, their sizes differ by at most one, and concatenating their
 * CSV rows in shard order gives the unsharded CSV.
 *
 * @param index {@code i}, 1-based
 * @param count {@code n ≥ 1}
 */
public record Shard(int index, int count) {

  /** The whole grid. */
  public static final Shard WHOLE = new Shard(1, 1);

  public Shard {
    if (count < 1) {
      throw new SweepInputException("--shard: the shard count n must be >= 1, got " + count);
    }
    if (index < 1 || index > count) {
      throw new SweepInputException(
          "--shard: the shard index i must be in 1.." + count + " (1-based), got " + index);
    }
  }

  /** Parses {@code i/n}. */
  public static Shard parse(String spec) {
    String[] parts = spec == null ? new String[0] : spec.trim().split("/", -1);
    if (parts.length != 2) {
      throw new SweepInputException("--shard: expected i/n (e.g. 2/8), got '" + spec + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new SweepInputException("--shard: i and n must be integers, got '" + spec + "'");
    }
  }

  /** First cell (inclusive) of this shard in a grid of {@code cells} cells. */
  public long firstCell(long cells) {
    return Math.floorDiv((index - 1) * cells, count);
  }

  /** End cell (exclusive) of this shard in a grid of {@code cells} cells. */
  public long endCell(long cells) {
    return Math.floorDiv(index * cells, count);
  }

  /** True for {@code 1/1}. */
  public boolean isWhole() {
    return count == 1;
  }

  /** The command-line form {@code i/n}. */
  public String spec() {
    return index + "/" + count;
  }
}
