package io.metabound.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JSON array for {@link JsonObject}; also holds the writer. */
public final class JsonArray {

  final List<Object> items = new ArrayList<>();

  /** Appends a string. */
  public JsonArray add(String value) {
    items.add(value);
    return this;
  }

  /** Appends a number (non-finite values become strings). */
  public JsonArray add(double value) {
    items.add(value);
    return this;
  }

  /** Appends an integer. */
  public JsonArray add(long value) {
    items.add(value);
    return this;
  }

  /** Appends and returns a new object. */
  public JsonObject addObject() {
    JsonObject o = new JsonObject();
    items.add(o);
    return o;
  }

  /** Appends and returns a new array. */
  public JsonArray addArray() {
    JsonArray a = new JsonArray();
    items.add(a);
    return a;
  }

  /** Number of items. */
  public int size() {
    return items.size();
  }

  static void write(Object value, StringBuilder out, int indent) {
    if (value instanceof JsonObject o) {
      if (o.members.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<String, Object> e : o.members.entrySet()) {
        pad(out, indent + 2);
        string(e.getKey(), out);
        out.append(" : ");
        write(e.getValue(), out, indent + 2);
        out.append(++i < o.members.size() ? ",\n" : "\n");
      }
      pad(out, indent);
      out.append('}');
    } else if (value instanceof JsonArray a) {
      boolean flat = a.items.stream().noneMatch(x -> x instanceof JsonObject || x instanceof JsonArray);
      if (flat) {
        // numbers and strings on one line: keeps per-row tables readable
        out.append('[');
        for (int i = 0; i < a.items.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(a.items.get(i), out, indent);
        }
        out.append(']');
        return;
      }
      out.append("[\n");
      for (int i = 0; i < a.items.size(); i++) {
        pad(out, indent + 2);
        write(a.items.get(i), out, indent + 2);
        out.append(i + 1 < a.items.size() ? ",\n" : "\n");
      }
      pad(out, indent);
      out.append(']');
    } else if (value instanceof Double d) {
      if (Double.isFinite(d)) {
        out.append(Double.toString(d)); // shortest round-tripping form, valid JSON
      } else {
        string(Double.toString(d), out);
      }
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      string(value.toString(), out);
    }
  }

  private static void pad(StringBuilder out, int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
