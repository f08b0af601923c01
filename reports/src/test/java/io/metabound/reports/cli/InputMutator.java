package io.metabound.reports.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random damage to a valid input file, for the mutation property test: byte flips, truncation,
 * deleting or duplicating a line or a key, replacing a number by an extreme value, swapping a
 * value's type, and inserting bytes that are not UTF-8. Each mutation is decided by the random
 * source alone, so a seed replays it exactly.
 */
final class InputMutator {

  /** A mutated file with a description of what was done to it. */
  record Mutation(String operator, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  /**
   * The extreme values a number is replaced by: the largest double and past it, minus zero, a
   * subnormal, NaN and infinities (bare and quoted), and integers beyond a long.
   */
  static final List<String> EXTREMES = List.of(
      "1e308", "-1e308", "1.7976931348623157e308", "1e309", "-0", "-0.0", "1e-320", "4.9e-324",
      "NaN", "Infinity", "-Infinity", "\"Infinity\"", "\"NaN\"", "123456789012345678901234567890",
      "9223372036854775808", "-2147483649", "0", "1e150", "1e-300");

  /** What a value may be swapped for. */
  static final List<String> OTHER_TYPES = List.of("\"text\"", "true", "null", "[]", "{}", "[[1]]", "{\"a\": 1}", "\"\"");

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final Pattern KEY = Pattern.compile("\"?[A-Za-z_][A-Za-z_0-9]*\"?\\s*:");

  private final SplittableRandom random;

  InputMutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** One mutation of {@code valid}, or a few stacked (one time in five). */
  Mutation mutate(byte[] valid) {
    Mutation m = once(valid);
    if (random.nextInt(5) == 0) {
      Mutation second = once(m.content());
      m = new Mutation(m.operator() + " + " + second.operator(), second.content());
    }
    return m;
  }

  private Mutation once(byte[] in) {
    String text = new String(in, StandardCharsets.UTF_8);
    return switch (random.nextInt(9)) {
      case 0 -> flipBytes(in);
      case 1 -> truncate(in);
      case 2 -> lines(text, false);
      case 3 -> lines(text, true);
      case 4 -> key(text, random.nextBoolean());
      case 5, 6 -> replaceNumber(text);
      case 7 -> swapType(text);
      default -> nonUtf8(in);
    };
  }

  private Mutation flipBytes(byte[] in) {
    byte[] out = in.clone();
    int flips = 1 + random.nextInt(3);
    StringBuilder where = new StringBuilder();
    for (int i = 0; i < flips && out.length > 0; i++) {
      int at = random.nextInt(out.length);
      out[at] ^= (byte) (1 << random.nextInt(8));
      where.append(i == 0 ? "" : ",").append(at);
    }
    return new Mutation("flip bits at byte " + where, out);
  }

  private Mutation truncate(byte[] in) {
    int length = in.length == 0 ? 0 : random.nextInt(in.length);
    return new Mutation("truncate to " + length + " bytes", java.util.Arrays.copyOf(in, length));
  }

  private Mutation lines(String text, boolean duplicate) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (lines.isEmpty()) {
      return new Mutation("no line to change", text.getBytes(StandardCharsets.UTF_8));
    }
    int at = random.nextInt(lines.size());
    if (duplicate) {
      lines.add(at, lines.get(at));
    } else {
      lines.remove(at);
    }
    return new Mutation((duplicate ? "duplicate" : "delete") + " line " + (at + 1),
        (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes or duplicates one key with its value (up to the next comma, brace or line end). */
  private Mutation key(String text, boolean duplicate) {
    List<int[]> keys = new ArrayList<>();
    Matcher m = KEY.matcher(text);
    while (m.find()) {
      int end = m.end();
      int depth = 0;
      while (end < text.length()) {
        char ch = text.charAt(end);
        if (ch == '[' || ch == '{') {
          depth++;
        } else if (ch == ']' || ch == '}') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if ((ch == ',' || ch == '\n') && depth == 0) {
          break;
        }
        end++;
      }
      keys.add(new int[] {m.start(), end});
    }
    if (keys.isEmpty()) {
      return new Mutation("no key to change", text.getBytes(StandardCharsets.UTF_8));
    }
    int[] k = keys.get(random.nextInt(keys.size()));
    String entry = text.substring(k[0], k[1]);
    String separator = text.contains("{\"") ? ", " : "\n";
    String out = duplicate
        ? text.substring(0, k[1]) + separator + entry + text.substring(k[1])
        : text.substring(0, k[0]) + text.substring(k[1]);
    return new Mutation((duplicate ? "duplicate" : "delete") + " key " + abbreviate(entry),
        out.getBytes(StandardCharsets.UTF_8));
  }

  private Mutation replaceNumber(String text) {
    List<int[]> numbers = matches(NUMBER, text);
    String extreme = EXTREMES.get(random.nextInt(EXTREMES.size()));
    if (numbers.isEmpty()) {
      return new Mutation("no number to replace", text.getBytes(StandardCharsets.UTF_8));
    }
    int[] n = numbers.get(random.nextInt(numbers.size()));
    return new Mutation("replace " + text.substring(n[0], n[1]) + " at " + n[0] + " by " + extreme,
        (text.substring(0, n[0]) + extreme + text.substring(n[1])).getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces a number, a bracketed value or a quoted string by a value of another type. */
  private Mutation swapType(String text) {
    List<int[]> values = matches(Pattern.compile(NUMBER.pattern() + "|\\[[^\\[\\]]*\\]|\"[^\"]*\""), text);
    String other = OTHER_TYPES.get(random.nextInt(OTHER_TYPES.size()));
    if (values.isEmpty()) {
      return new Mutation("no value to swap", text.getBytes(StandardCharsets.UTF_8));
    }
    int[] v = values.get(random.nextInt(values.size()));
    return new Mutation("swap " + abbreviate(text.substring(v[0], v[1])) + " at " + v[0] + " for " + other,
        (text.substring(0, v[0]) + other + text.substring(v[1])).getBytes(StandardCharsets.UTF_8));
  }

  private Mutation nonUtf8(byte[] in) {
    byte[][] invalid = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xfe, (byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {0}};
    byte[] insert = invalid[random.nextInt(invalid.length)];
    int at = in.length == 0 ? 0 : random.nextInt(in.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(in, 0, at);
    out.writeBytes(insert);
    out.write(in, at, in.length - at);
    return new Mutation("insert " + insert.length + " non-UTF-8 byte(s) at " + at, out.toByteArray());
  }

  private static List<int[]> matches(Pattern p, String text) {
    List<int[]> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(new int[] {m.start(), m.end()});
    }
    return found;
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "⏎");
    return one.length() <= 40 ? one : one.substring(0, 40) + "…";
  }
}
