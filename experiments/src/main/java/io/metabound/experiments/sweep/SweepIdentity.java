package io.metabound.experiments.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What makes two sweeps the same sweep: every setting that changes a cell's status or rate — map
 * type, both grid axes, estimator and its parameters, criterion, start point, noise and batches,
 * the tasks' SHA-256, seed and shard count. It is written into every sidecar as the object
 * {@code "identity"} (a flat map of names to text, numbers in their round-trip text), and {@code
 * metabound merge} joins only shards whose identities are equal field by field, so that a merged
 * map is never put together from shards of different sweeps.
 *
 * <p>The shard's own index is not part of the identity (it differs between the shards of one
 * sweep); it is in the sidecar's {@code "shard"} object.
 */
public final class SweepIdentity {

  /** Name of the sidecar member that holds the identity. */
  public static final String MEMBER = "identity";

  private final Map<String, String> fields;

  private SweepIdentity(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The identity of the given fields, in order. */
  public static SweepIdentity of(Map<String, String> fields) {
    return new SweepIdentity(fields);
  }

  /** A builder that keeps the order fields are added in. */
  public static Builder builder() {
    return new Builder();
  }

  /** The fields, in the order they were added. */
  public Map<String, String> fields() {
    return fields;
  }

  /** Writes the identity into a sidecar as the object {@value #MEMBER}. */
  public void writeTo(JsonObject sidecar) {
    JsonObject o = sidecar.putObject(MEMBER);
    fields.forEach(o::put);
  }

  /**
   * A field whose value differs between two identities.
   *
   * @param field the field name
   * @param here the value in this identity ({@code "(absent)"} when it has no such field)
   * @param reference the value in the reference identity
   */
  public record Difference(String field, String here, String reference) {

    /** {@code field 'F' is A here but B in REF}, with long values shortened. */
    public String describe(String referenceName) {
      return "identity field '" + field + "' is " + shorten(here) + " here but " + shorten(reference)
          + " in " + referenceName;
    }
  }

  /** The first field (in this identity's order, then the reference's) whose values differ. */
  public Optional<Difference> differenceFrom(SweepIdentity reference) {
    Set<String> names = new LinkedHashSet<>(fields.keySet());
    names.addAll(reference.fields.keySet());
    for (String name : names) {
      String here = fields.getOrDefault(name, ABSENT);
      String there = reference.fields.getOrDefault(name, ABSENT);
      if (!here.equals(there)) {
        return Optional.of(new Difference(name, here, there));
      }
    }
    return Optional.empty();
  }

  private static final String ABSENT = "(absent)";

  /** Values longer than this are shortened in messages (a digest, a start vector). */
  static final int SHORT_VALUE = 24;

  static String shorten(String value) {
    return value.length() <= SHORT_VALUE ? value : value.substring(0, SHORT_VALUE - 3) + "...";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepIdentity other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }

  /** Collects the fields of an identity. */
  public static final class Builder {
    private final Map<String, String> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a text field; a name given twice is a programming error. */
    public Builder put(String name, String value) {
      if (fields.putIfAbsent(name, value) != null) {
        throw new IllegalArgumentException("identity field '" + name + "' given twice");
      }
      return this;
    }

    /** Adds a number as its round-trip text ({@link Double#toString}). */
    public Builder put(String name, double value) {
      return put(name, Double.toString(value));
    }

    /** Adds an integer. */
    public Builder put(String name, long value) {
      return put(name, Long.toString(value));
    }

    public SweepIdentity build() {
      return new SweepIdentity(fields);
    }
  }
}
