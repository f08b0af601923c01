package io.metabound.reports.cli;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Provenance;
import io.metabound.bounds.registry.Quantity;
import io.metabound.bounds.registry.Relation;
import io.metabound.bounds.symbol.Symbol;
import io.metabound.bounds.symbol.SymbolCatalogue;
import io.metabound.experiments.io.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code metabound bounds list|show|eval}: the registry of the four papers' bounds, as text or
 * JSON, with provenance; and a bound evaluated at given constants.
 *
 * <p>The JSON element of a bound (the contract of {@code bounds list --json}) has {@code id,
 * title, paper, result, equation, relation, relation_kind, quantity, statement, symbols,
 * assumption_symbols, formula_plain, formula_latex, assumptions, provenance, provenance_tag,
 * provenance_source, citation, note}: {@code relation} is the symbol written between quantity and
 * formula ({@code <=}, {@code >=}, {@code <}, {@code =}, {@code = O}), {@code relation_kind} the
 * relation by name ({@code upper-bound}, {@code stepsize-threshold}, …); {@code symbols} are the
 * formula's symbols, sorted; {@code provenance} is {@code verbatim} or {@code reconstructed}, and
 * {@code provenance_tag} the docs/THEOREMS.md tag ({@code [V-ocr+G1]}, {@code [R-med]}, …); each
 * assumption is {@code {"description", "condition", "condition_latex", "checkable"}} (condition
 * null for a descriptive one).
 */
@Command(
    name = "bounds",
    mixinStandardHelpOptions = true,
    description = {
      "The registry of the four papers' bounds: list, show one, evaluate one.",
      "Every bound carries its provenance: verbatim (read in the paper) or",
      "reconstructed (docs/THEOREMS.md tags [R-hi/med/lo]; [S] secondary source;",
      "[derived] MetaBound's own derivation).",
      ""
    },
    subcommands = {BoundsCommand.ListBounds.class, BoundsCommand.ShowBound.class,
        BoundsCommand.EvalBound.class})
public final class BoundsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The bound with this id, or a one-line error with the nearest ids. */
  static Bound find(String id) {
    return BoundRegistry.find(id).orElseThrow(() -> unknownBound(id));
  }

  /** "unknown bound 'x'; did you mean …" (or where to find the ids). */
  static UserInputException unknownBound(String id) {
    List<String> ids = BoundRegistry.all().stream().map(Bound::id).toList();
    String hint = Suggestions.didYouMean(id, ids);
    return new UserInputException("unknown bound '" + id + "'"
        + (hint.isEmpty() ? "; 'metabound bounds list' lists the " + ids.size() + " ids" : hint));
  }

  /** The bounds of a paper (case-insensitive key), or every bound when {@code paper} is null. */
  static List<Bound> ofPaper(String paper) {
    if (paper == null) {
      return BoundRegistry.all();
    }
    for (String key : BoundRegistry.papers()) {
      if (key.equalsIgnoreCase(paper.trim())) {
        return BoundRegistry.byPaper(key);
      }
    }
    throw new UserInputException("--paper: unknown paper '" + paper + "'; the papers are "
        + String.join(", ", BoundRegistry.papers()));
  }

  /** {@code verbatim} or {@code reconstructed}. */
  static String provenanceKind(Provenance p) {
    return p.kind().name().toLowerCase(Locale.ROOT);
  }

  /** {@code upper-bound}, {@code stepsize-threshold}, …. */
  static String relationKind(Relation r) {
    return r.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The symbols of the checkable assumptions, sorted. */
  static Set<String> assumptionSymbols(Bound bound) {
    TreeSet<String> names = new TreeSet<>();
    for (Assumption a : bound.assumptions()) {
      names.addAll(a.symbols());
    }
    return names;
  }

  /** The JSON element of one bound (see the class comment). */
  static ObjectNode json(Bound bound) {
    ObjectNode o = CliJson.object();
    o.put("id", bound.id());
    o.put("title", bound.title());
    o.put("paper", bound.reference().paper());
    o.put("result", bound.reference().result());
    o.put("equation", bound.reference().equation());
    o.put("relation", bound.relation().symbol());
    o.put("relation_kind", relationKind(bound.relation()));
    o.put("quantity", bound.quantity());
    o.put("statement", bound.statement());
    ArrayNode symbols = o.putArray("symbols");
    bound.symbols().forEach(symbols::add);
    ArrayNode assumptionSymbols = o.putArray("assumption_symbols");
    assumptionSymbols(bound).forEach(assumptionSymbols::add);
    o.put("formula_plain", bound.formula().toPlain());
    o.put("formula_latex", bound.formula().toLatex());
    ArrayNode assumptions = o.putArray("assumptions");
    for (Assumption a : bound.assumptions()) {
      ObjectNode j = assumptions.addObject();
      j.put("description", a.description());
      j.put("condition", a.condition().orElse(null));
      j.put("condition_latex", a.conditionLatex().orElse(null));
      j.put("checkable", a.isCheckable());
    }
    o.put("provenance", provenanceKind(bound.provenance()));
    o.put("provenance_tag", bound.provenance().tag());
    o.put("provenance_source", bound.provenance().source());
    o.put("citation", bound.reference().citation());
    o.put("note", bound.note());
    return o;
  }

  /** One sentence on what the provenance means, for {@code show}. */
  static String provenanceSentence(Provenance p) {
    if (p.isVerbatim()) {
      return "verbatim: the formula was read in the paper (" + p.tag() + ")";
    }
    if (p.isSecondary()) {
      return "RECONSTRUCTED: known from a secondary source only, not read in the paper itself ("
          + p.tag() + ")";
    }
    if (p.isDerived()) {
      return "RECONSTRUCTED: a MetaBound derivation, not a result printed in the paper ("
          + p.tag() + ")";
    }
    return "RECONSTRUCTED: the published formula could not be read; this is a reconstruction ("
        + p.tag() + "; the level is the confidence that it equals the published statement)";
  }

  /** {@code metabound bounds list [--paper P] [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the registered bounds with provenance; --json gives every field.")
  static final class ListBounds implements Callable<Integer> {

    @Option(names = "--paper", paramLabel = "P", description = "only this paper: Ji2022, Fallah2020, Takagi2019 or Rajeswaran2019")
    String paper;

    @Option(names = "--json", description = "a JSON array, one object per bound")
    boolean json;

    @Option(names = "--wide", description = "print every statement in full (by default lines fit the terminal: $COLUMNS, or 120)")
    boolean wide;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      List<Bound> bounds = ofPaper(paper);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ArrayNode array = CliJson.array();
        bounds.forEach(b -> array.add(json(b)));
        out.print(CliJson.write(array));
      } else {
        List<String[]> rows = new ArrayList<>();
        for (Bound b : bounds) {
          rows.add(new String[] {b.id(), provenanceKind(b.provenance()), b.provenance().tag(), b.statement()});
        }
        out.print(TextTable.render(rows, wide ? TextTable.UNLIMITED : TextTable.consoleWidth()));
        out.printf(Locale.ROOT, "%d bounds%s%n", bounds.size(),
            paper == null ? " (" + String.join(", ", BoundRegistry.papers()) + ")" : "");
      }
      out.flush();
      return MetaBoundCommand.OK;
    }
  }

  /** {@code metabound bounds show ID [--json]}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Shows one bound: statement, LaTeX, assumptions, citation, provenance.")
  static final class ShowBound implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "bound id, e.g. ji2022.prop1.meta-smoothness")
    String id;

    @Option(names = "--json", description = "the bound's JSON object (as in 'bounds list --json')")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Bound b = find(id);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.print(CliJson.write(json(b)));
        out.flush();
        return MetaBoundCommand.OK;
      }
      out.println(b.id() + " — " + b.title());
      out.println();
      out.println("statement:   " + b.statement());
      String relation = b.relation() == Relation.ORDER ? " = O\\left(" + b.formula().toLatex() + "\\right)"
          : " " + latexRelation(b.relation()) + " " + b.formula().toLatex();
      out.println("LaTeX:       \\text{" + b.quantity() + "}" + relation);
      out.println("relation:    " + b.relation().symbol() + " (" + relationKind(b.relation()) + ": "
          + b.relation().description() + ")");
      out.println("quantity:    " + b.quantity()
          + Quantity.byId(b.quantity()).map(q -> " — " + q.description()).orElse(""));
      out.println("symbols:");
      Set<String> all = new TreeSet<>(b.symbols());
      all.addAll(assumptionSymbols(b));
      for (String name : all) {
        Symbol s = SymbolCatalogue.require(name);
        out.println("  " + name + " (" + s.domain().description() + "): " + s.meaning()
            + (b.symbols().contains(name) ? "" : " [assumptions only]"));
      }
      out.println("assumptions:");
      if (b.assumptions().isEmpty()) {
        out.println("  (none)");
      }
      for (Assumption a : b.assumptions()) {
        out.println("  - " + a.condition().map(c -> c + "   [checkable] " + a.description())
            .orElse(a.description() + "   [descriptive]"));
      }
      out.println("citation:    " + b.reference().label() + " — " + b.reference().citation());
      out.println("provenance:  " + provenanceSentence(b.provenance()));
      out.println("source:      " + b.provenance().source());
      if (!b.note().isBlank()) {
        out.println("note:        " + b.note());
      }
      out.flush();
      return MetaBoundCommand.OK;
    }

    private static String latexRelation(Relation r) {
      return switch (r) {
        case UPPER_BOUND -> "\\le";
        case LOWER_BOUND, SIZE_REQUIREMENT -> "\\ge";
        case STEPSIZE_THRESHOLD -> "<";
        default -> "=";
      };
    }
  }

  /** {@code metabound bounds eval ID --set NAME=VALUE ... [--json]}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Evaluates a bound's formula at given constants and prints the value.",
        "Every symbol of the formula must be set. Each checkable assumption whose",
        "symbols are set is checked: a violated one is an error (exit 2); one",
        "with unset symbols is reported as not checked (on stderr).",
        ""
      })
  static final class EvalBound implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "bound id, e.g. ji2022.prop1.meta-smoothness")
    String id;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "a symbol's value, e.g. --set alpha=0.1 (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--json", description = "print {\"id\": ..., \"value\": ...}")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Bound b = find(id);
      Map<String, Double> values = parseSettings();
      PrintWriter err = spec.commandLine().getErr();
      List<String> missing = new ArrayList<>();
      for (String name : b.symbols()) {
        if (!values.containsKey(name)) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw new UserInputException("bounds eval " + b.id() + ": symbol" + (missing.size() == 1 ? " " : "s ")
            + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not set (use --set "
            + missing.get(0) + "=VALUE); the formula uses " + String.join(", ", b.symbols()));
      }
      for (String name : values.keySet()) {
        if (!b.allSymbols().contains(name)) {
          err.println("metabound: note: " + name + " is not used by " + b.id() + " (ignored)");
        }
      }
      Bindings bindings = Bindings.of(values);
      double value;
      try {
        value = b.evaluate(bindings);
        for (Assumption a : b.assumptions()) {
          if (!a.isCheckable()) {
            continue;
          }
          List<String> unset = a.symbols().stream().filter(s -> !values.containsKey(s)).toList();
          if (!unset.isEmpty()) {
            err.println("metabound: note: assumption not checked (set " + String.join(", ", unset)
                + "): " + a.condition().orElseThrow());
          } else if (!a.holds(bindings)) {
            throw new UserInputException("bounds eval " + b.id() + ": assumption violated: "
                + a.condition().orElseThrow() + " (" + a.description() + ") fails at "
                + describe(values, a.symbols()));
          }
        }
      } catch (EvaluationException e) {
        throw new UserInputException("bounds eval " + b.id() + ": " + e.getMessage(), e);
      }
      boolean order = b.relation() == io.metabound.bounds.registry.Relation.ORDER;
      if (order) {
        // an O(.) statement fixes a rate, not a number: say which number this is
        err.println("metabound: note: " + b.id() + " is an O(.) statement; the value is the formula"
            + " inside O(.) with the unspecified constant set to 1, not a quantity the paper states");
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = CliJson.object();
        o.put("id", b.id());
        o.set("value", CliJson.number(value));
        if (order) {
          o.put("orderStatement", true);
          o.put("hiddenConstant", "set to 1: the value is the formula inside O(.), not a stated quantity");
        }
        out.print(CliJson.write(o));
      } else {
        out.println(Double.toString(value));
      }
      out.flush();
      err.flush();
      return MetaBoundCommand.OK;
    }

    private Map<String, Double> parseSettings() {
      Map<String, Double> values = new LinkedHashMap<>();
      List<String> names = SymbolCatalogue.all().stream().map(Symbol::name).toList();
      for (String setting : settings) {
        int eq = setting.indexOf('=');
        if (eq <= 0 || eq == setting.length() - 1) {
          throw new UserInputException("--set: expected NAME=VALUE, got '" + setting + "'");
        }
        String name = setting.substring(0, eq).trim();
        String text = setting.substring(eq + 1).trim();
        if (SymbolCatalogue.lookup(name).isEmpty()) {
          throw new UserInputException("--set: unknown symbol '" + name + "'"
              + Suggestions.didYouMean(name, names));
        }
        double v;
        try {
          v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new UserInputException("--set " + name + ": not a number: '" + text + "'");
        }
        if (values.put(name, v) != null) {
          throw new UserInputException("--set: " + name + " is set twice");
        }
      }
      return values;
    }

    private static String describe(Map<String, Double> values, Set<String> names) {
      List<String> parts = new ArrayList<>();
      for (String n : names) {
        parts.add(n + "=" + values.get(n));
      }
      return String.join(", ", parts);
    }
  }
}
