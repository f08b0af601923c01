// 00 — How a MetaBound notebook is written
//
// A notebook is a plain JShell script, numbered like the JMH samples (01-quickstart, 02-…) and read in
// that order. A line starting with "// %%" opens a cell; the comment lines right after it are the
// cell's narrative, the rest is code; the text before the first cell is the notebook's header (what
// it shows and which paper result). `mvn verify` runs every notebook twice: headless, cell by cell
// through the JDK's jdk.jshell API (rendered as HTML under notebooks-java/target/notebooks/, charts
// inline), and through the jshell tool itself, as a person opening it would.
//
// Rules that keep a notebook a test and keep it readable by the jshell tool:
//   • `OUT` is predefined (the headless runner sets it; prelude.jshell does in the tool): a cell saves
//     its charts and data there, and the files it writes are attached to the cell (pictures inline,
//     CSV/JSON/LaTeX as links);
//   • every expectation is asserted in the cell (throw when it fails); a failing cell stops the
//     notebook and fails the build with "NAME, cell K (TITLE), line L: MESSAGE";
//   • the tool ends a statement at the first line that completes it, so put a chained call's dots at
//     line ends, and `else` / `catch` on the line of the closing brace;
//   • print only computed numbers.
//
// How to run: ./metabound notebook 00-notebook-format
//   or interactively: jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/00-notebook-format.jsh

// %% A first cell
// Plain Java runs as in jshell.
var greeting = "MetaBound notebooks run headless in mvn verify";
System.out.println(greeting);

// %% Lines the jshell tool reads the same way
// A chained call with its dots at line ends, and an if/else whose else follows the brace.
String shouted = greeting.
    toUpperCase(java.util.Locale.ROOT).
    replace("MVN", "mvn");
if (shouted.startsWith("METABOUND")) {
  System.out.println(shouted);
} else {
  throw new IllegalStateException("unexpected: " + shouted);
}

// %% Exit codes of the front door
// The CLI's exit codes are part of its contract; a notebook asserts what it states.
int[] codes = {io.metabound.reports.cli.MetaBoundCommand.OK,
    io.metabound.reports.cli.MetaBoundCommand.VIOLATED,
    io.metabound.reports.cli.MetaBoundCommand.BAD_INPUT};
System.out.println("ok=" + codes[0] + " violated=" + codes[1] + " bad-input=" + codes[2]);
if (codes[0] != 0 || codes[1] != 1 || codes[2] != 2) throw new IllegalStateException("exit codes changed");
