package io.metabound.reports.report;

/** Markdown helpers. */
final class Markdown {

  private Markdown() {}

  /** Text safe inside a table cell: pipes escaped, line breaks as spaces. */
  static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\r", "").replace('\n', ' ');
  }
}
