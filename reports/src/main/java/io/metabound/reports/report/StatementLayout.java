package io.metabound.reports.report;

import io.metabound.bounds.expr.Constant;
import io.metabound.bounds.expr.Difference;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.Function;
import io.metabound.bounds.expr.Maximum;
import io.metabound.bounds.expr.Minimum;
import io.metabound.bounds.expr.Negation;
import io.metabound.bounds.expr.Power;
import io.metabound.bounds.expr.Product;
import io.metabound.bounds.expr.Quotient;
import io.metabound.bounds.expr.Sum;
import io.metabound.bounds.expr.SymbolRef;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.Relation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bound's statement as a LaTeX display that fits the text width of a paper, for the export.
 *
 * <p>A statement whose estimated width ({@link LatexWidth}) fits {@link #LINE_WIDTH} is one
 * display {@code \[ … \]}. A longer one becomes an {@code align*}: its right-hand side is split at
 * the top-level {@code +} and {@code -} into lines of bounded width; a single term still too wide
 * (a fraction with a long numerator, a power of a long sum) has its widest sub-expressions replaced
 * by named sub-terms {@code \mathcal{T}_1, \mathcal{T}_2, …}, each defined after {@code where} in the
 * same way. The left-hand side is the quantity's symbol ({@link QuantitySymbols}). The result needs
 * only amsmath and amssymb and defines no macros.
 */
final class StatementLayout {

  /**
   * The widest line accepted, in estimated points: below the 345 pt text width of a 10 pt article
   * so that an estimate a little short still fits.
   */
  static final double LINE_WIDTH = 300;

  /** The narrowest budget a right-hand side gets, however wide its left-hand side. */
  private static final double MIN_BUDGET = 150;

  /** A sum inside a too-wide term is named first when it is at least this share of the term. */
  private static final double SUM_SHARE = 0.3;

  /** An uncatalogued symbol name standing for sub-term {@code k} while it is printed. */
  private static final String PLACEHOLDER = "metaboundSubterm";

  private static final Pattern PLACEHOLDER_LATEX =
      Pattern.compile("\\\\mathrm\\{" + PLACEHOLDER + "(\\d+)\\}");

  /** One row of the display: {@code left relation lines…}. */
  private record Row(String left, String relation, List<String> lines) {}

  /** A named sub-term awaiting its own row. */
  private record Definition(int number, Expression expression) {}

  private final double lineWidth;
  private final List<Row> rows = new ArrayList<>();
  private final Deque<Definition> pending = new ArrayDeque<>();
  private final List<Expression> named = new ArrayList<>();

  private StatementLayout(double lineWidth) {
    this.lineWidth = lineWidth;
  }

  /**
   * @param bound a registry bound
   * @return its statement as a display (with a trailing newline), broken to {@link #LINE_WIDTH}
   */
  static String display(Bound bound) {
    return display(QuantitySymbols.latex(bound.quantity()), bound.relation(), bound.formula(), LINE_WIDTH);
  }

  /**
   * @param left the left-hand side, math-mode LaTeX
   * @param relation the relation
   * @param formula the right-hand side
   * @param lineWidth the widest line accepted, in estimated points
   * @return the display with a trailing newline
   */
  static String display(String left, Relation relation, Expression formula, double lineWidth) {
    boolean order = relation == Relation.ORDER;
    String relationTex = order ? "=" : BoundLatex.relation(relation);
    String whole = formula.toLatex();
    String oneLine = left + " " + relationTex + " " + (order ? "O\\left(" + whole + "\\right)" : whole);
    if (LatexWidth.of(oneLine) <= lineWidth) {
      return "\\[\n" + oneLine + "\n\\]\n";
    }
    StatementLayout layout = new StatementLayout(lineWidth);
    if (order) {
      layout.rows.add(new Row(left, "=", List.of("O\\left(" + layout.subterm(formula) + "\\right)")));
    } else {
      layout.layOut(left, relationTex, formula);
    }
    while (!layout.pending.isEmpty()) {
      Definition d = layout.pending.removeFirst();
      layout.layOut(name(d.number()), "=", d.expression());
    }
    return layout.align();
  }

  /** The LaTeX name of sub-term {@code k}. */
  static String name(int k) {
    return "\\mathcal{T}_{" + k + "}";
  }

  /** Rows of definitions per {@code align*}, so a long list of sub-terms can break across pages. */
  private static final int DEFINITIONS_PER_DISPLAY = 4;

  /**
   * The main row in one {@code align*}, then {@code where} and the definitions, a few per {@code
   * align*} (an {@code align*} never breaks across pages).
   */
  private String align() {
    StringBuilder s = new StringBuilder("\\begin{align*}\n");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (i == 1) {
        s.append("\\end{align*}\nwhere\n\\begin{align*}\n");
      } else if (i > 1 && (i - 1) % DEFINITIONS_PER_DISPLAY == 0) {
        s.append("\\end{align*}\n\\begin{align*}\n");
      }
      for (int k = 0; k < row.lines().size(); k++) {
        s.append(k == 0 ? row.left() + " &" + row.relation() + " " : "&\\quad {}");
        s.append(row.lines().get(k));
        boolean endOfDisplay =
            k == row.lines().size() - 1
                && (i == rows.size() - 1 || i == 0 || i % DEFINITIONS_PER_DISPLAY == 0);
        s.append(endOfDisplay ? "\n" : " \\\\\n");
      }
    }
    return s.append("\\end{align*}\n").toString();
  }

  /** Adds the row {@code left relation expression}, its sum broken into lines of bounded width. */
  private void layOut(String left, String relation, Expression expression) {
    expression = withKnownNames(expression);
    double budget =
        Math.max(MIN_BUDGET, lineWidth - LatexWidth.of(left + " " + relation) - LatexWidth.of("\\quad"));
    List<String> terms = new ArrayList<>();
    List<Term> flat = new ArrayList<>();
    flatten(expression, '+', flat);
    for (int i = 0; i < flat.size(); i++) {
      Term t = flat.get(i);
      String tex = fit(t.expression(), budget - LatexWidth.of("+"), i > 0);
      boolean parenthesise =
          i > 0
              && (tex.startsWith("-")
                  || (t.sign() == '-' && (t.expression() instanceof Sum || t.expression() instanceof Difference)));
      if (parenthesise) {
        tex = "\\left(" + tex + "\\right)";
      }
      terms.add(i == 0 ? tex : t.sign() + " " + tex);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String term : terms) {
      if (line.length() > 0 && LatexWidth.of(line + " " + term) > budget) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(term);
    }
    lines.add(line.toString());
    rows.add(new Row(left, relation, lines));
  }

  /** One top-level term of a sum with its sign. */
  private record Term(char sign, Expression expression) {}

  /** Splits at the top-level {@code +} and {@code -} (a subtracted sum stays one term). */
  private static void flatten(Expression e, char sign, List<Term> out) {
    if (sign == '+' && e instanceof Sum s) {
      flatten(s.left(), '+', out);
      flatten(s.right(), '+', out);
    } else if (sign == '+' && e instanceof Difference d) {
      flatten(d.left(), '+', out);
      out.add(new Term('-', d.right()));
    } else {
      out.add(new Term(sign, e));
    }
  }

  /**
   * The term's LaTeX, with its widest sub-expressions named until it fits {@code budget} (or
   * nothing is left to name); a too-wide sum after the first term is named whole.
   */
  private String fit(Expression term, double budget, boolean inner) {
    String tex = print(term);
    if (LatexWidth.of(tex) <= budget) {
      return tex;
    }
    if (inner && (term instanceof Sum || term instanceof Difference)) {
      return subterm(term);
    }
    Expression current = term;
    while (LatexWidth.of(tex) > budget) {
      Expression widest = widestSum(current, true);
      if (widest != null && LatexWidth.of(print(widest)) < SUM_SHARE * LatexWidth.of(tex)) {
        widest = null; // a small sum: naming it would not shorten the term much
      }
      double widestWidth = widest == null ? -1 : Double.MAX_VALUE;
      for (Expression child : widest != null ? List.<Expression>of() : current.children()) {
        if (isAtom(child)) {
          continue;
        }
        double w = LatexWidth.of(print(child));
        if (w > widestWidth) {
          widest = child;
          widestWidth = w;
        }
      }
      if (widest == null) {
        break;
      }
      current = replace(current, widest, placeholder(widest));
      tex = print(current);
    }
    return tex;
  }

  /**
   * {@code e} with every sub-expression named so far (except {@code e} itself) written as its
   * name, the largest first, so a sub-term defined once is used everywhere.
   */
  private Expression withKnownNames(Expression e) {
    List<Expression> bySize = new ArrayList<>(named);
    bySize.sort((a, b) -> Integer.compare(b.toPlain().length(), a.toPlain().length()));
    Expression result = e;
    for (Expression n : bySize) {
      if (!n.equals(e)) {
        result = replace(result, n, new SymbolRef(PLACEHOLDER + (named.indexOf(n) + 1)));
      }
    }
    return result;
  }

  /** Names {@code e} (once per distinct expression) and returns the name. */
  private String subterm(Expression e) {
    return print(placeholder(e));
  }

  private SymbolRef placeholder(Expression e) {
    int index = named.indexOf(e);
    if (index < 0) {
      named.add(e);
      index = named.size() - 1;
      pending.addLast(new Definition(index + 1, e));
    }
    return new SymbolRef(PLACEHOLDER + (index + 1));
  }

  /**
   * The widest sum or difference strictly inside {@code e} (not {@code e} itself when {@code
   * strict}): a sum is what a named sub-term breaks into lines best.
   */
  private static Expression widestSum(Expression e, boolean strict) {
    Expression best = !strict && (e instanceof Sum || e instanceof Difference) ? e : null;
    double bestWidth = best == null ? -1 : LatexWidth.of(print(best));
    if (best != null) {
      return best;
    }
    for (Expression child : e.children()) {
      Expression candidate = widestSum(child, false);
      if (candidate != null) {
        double w = LatexWidth.of(print(candidate));
        if (w > bestWidth) {
          best = candidate;
          bestWidth = w;
        }
      }
    }
    return best;
  }

  private static boolean isAtom(Expression e) {
    return e instanceof Constant || e instanceof SymbolRef;
  }

  /** The expression's LaTeX with every placeholder written as its sub-term name. */
  private static String print(Expression e) {
    Matcher m = PLACEHOLDER_LATEX.matcher(e.toLatex());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(name(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code e} with every occurrence of {@code target} replaced (equal sub-trees are equal values). */
  static Expression replace(Expression e, Expression target, Expression replacement) {
    if (e.equals(target)) {
      return replacement;
    }
    List<Expression> children = e.children();
    if (children.isEmpty()) {
      return e;
    }
    List<Expression> replaced = new ArrayList<>(children.size());
    for (Expression child : children) {
      replaced.add(replace(child, target, replacement));
    }
    return rebuild(e, replaced);
  }

  private static Expression rebuild(Expression e, List<Expression> c) {
    if (e instanceof Sum) {
      return new Sum(c.get(0), c.get(1));
    } else if (e instanceof Difference) {
      return new Difference(c.get(0), c.get(1));
    } else if (e instanceof Product) {
      return new Product(c.get(0), c.get(1));
    } else if (e instanceof Quotient) {
      return new Quotient(c.get(0), c.get(1));
    } else if (e instanceof Power) {
      return new Power(c.get(0), c.get(1));
    } else if (e instanceof Negation) {
      return new Negation(c.get(0));
    } else if (e instanceof Function f) {
      return new Function(f.kind(), c.get(0));
    } else if (e instanceof Minimum) {
      return new Minimum(c);
    } else if (e instanceof Maximum) {
      return new Maximum(c);
    }
    throw new AssertionError(e);
  }
}
