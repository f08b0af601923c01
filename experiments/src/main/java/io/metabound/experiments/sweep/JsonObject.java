package io.metabound.experiments.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small ordered JSON object for the sweep's sidecar, written without the databind machinery (its
 * class loading alone costs a short command-line sweep a third of a second). Values are strings,
 * numbers, booleans, {@link JsonObject}s and {@link JsonArray}s; non-finite doubles are written as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (JSON has no such numbers).
 */
public final class JsonObject {

  final Map<String, Object> members = new LinkedHashMap<>();

  /** Sets a string member. */
  public JsonObject put(String name, String value) {
    members.put(name, value);
    return this;
  }

  /** Sets a number member (non-finite values become strings). */
  public JsonObject put(String name, double value) {
    members.put(name, value);
    return this;
  }

  /** Sets an integer member. */
  public JsonObject put(String name, long value) {
    members.put(name, value);
    return this;
  }

  /** Sets a boolean member. */
  public JsonObject put(String name, boolean value) {
    members.put(name, value);
    return this;
  }

  /** Sets an object or array member. */
  public JsonObject set(String name, Object value) {
    if (!(value instanceof JsonObject || value instanceof JsonArray)) {
      throw new IllegalArgumentException("set() takes a JsonObject or JsonArray");
    }
    members.put(name, value);
    return this;
  }

  /** Adds and returns a new object member. */
  public JsonObject putObject(String name) {
    JsonObject o = new JsonObject();
    members.put(name, o);
    return o;
  }

  /** Adds and returns a new array member. */
  public JsonArray putArray(String name) {
    JsonArray a = new JsonArray();
    members.put(name, a);
    return a;
  }

  /** A member, or null. */
  public Object get(String name) {
    return members.get(name);
  }

  /** Pretty-printed text (two-space indent) with a final newline. */
  public String toText() {
    StringBuilder out = new StringBuilder(4096);
    JsonArray.write(this, out, 0);
    return out.append('\n').toString();
  }
}
