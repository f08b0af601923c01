package io.metabound.experiments.io;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * The words of a JSON syntax error for a user: Jackson's own sentence, without the parts that speak
 * of Jackson (its feature names, {@code [Source: REDACTED …]}) and with the line and column where
 * the parser stopped. An input error must never make the user read the parser's configuration.
 */
public final class JsonSyntax {

  private JsonSyntax() {}

  /** {@code "not valid JSON: <what>, at line L, column C"}. */
  public static String describe(JacksonException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    // "…: enable `JsonReadFeature.X` to allow" and "(start marker at [Source: …])" name the parser
    message = message.replaceAll(":?\\s*enable `[^`]*` to allow.*", "");
    message = message.replaceAll("\\s*\\(start marker at \\[Source:.*", "");
    message = message.replaceAll("\\[Source:[^\\]]*\\]", "");
    message = message.replaceAll("`[A-Za-z]+Feature\\.[A-Z_]+`", "");
    message = message.replaceAll("\\s+", " ").trim();
    TokenStreamLocation at = e.getLocation();
    String where = at != null && at.getLineNr() > 0
        ? ", at line " + at.getLineNr() + ", column " + at.getColumnNr()
        : "";
    return "not valid JSON: " + message + where;
  }
}
