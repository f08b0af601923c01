package io.metabound.bounds.papers;

import static io.metabound.bounds.registry.Relation.ORDER;

import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.Provenance;
import io.metabound.bounds.registry.Reference;
import io.metabound.bounds.registry.Relation;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Registers the bounds of one paper: each gets the paper's {@link Reference} (key and citation,
 * with the result and equation it comes from), its formula with the paper's {@link Definitions}
 * expanded, and its {@link Provenance}. Order-only results ({@link Relation#ORDER}) get the common
 * {@link #ORDER_NOTE} in front of their note.
 */
final class PaperBounds {

  /** What every order-only bound's note starts with. */
  static final String ORDER_NOTE =
      "Order only: constants unspecified, checkable in scaling (slope) only, never as an"
          + " inequality.";

  private final String paper;
  private final String citation;
  private final Definitions definitions;
  private final UnaryOperator<Bound> finish;

  /**
   * @param paper the paper key, e.g. {@code Ji2022}
   * @param citation the full citation
   * @param definitions the paper's named sub-formulas ({@link Definitions#none()} if it has none)
   */
  PaperBounds(String paper, String citation, Definitions definitions) {
    this(paper, citation, definitions, UnaryOperator.identity());
  }

  /**
   * @param finish applied to every bound as the last step (a paper-wide note, for instance)
   */
  PaperBounds(String paper, String citation, Definitions definitions, UnaryOperator<Bound> finish) {
    this.paper = paper;
    this.citation = citation;
    this.definitions = definitions;
    this.finish = finish;
  }

  /**
   * A bound of the paper.
   *
   * @param result the theorem, lemma, … it comes from, e.g. {@code Lemma 11}
   * @param equation the paper's equation number, e.g. {@code (26)}, or empty
   * @param formula the plain-syntax formula, in catalogued symbols and the paper's definitions
   */
  Bound bound(
      String id,
      String title,
      String result,
      String equation,
      String formula,
      Relation relation,
      String quantity,
      List<Assumption> assumptions,
      String tag,
      String source,
      String note) {
    return finish.apply(
        new Bound(
            id,
            title,
            new Reference(paper, citation, result, equation),
            definitions.expand(formula),
            relation,
            quantity,
            assumptions,
            Provenance.of(tag, source),
            note));
  }

  /** An order-only bound ({@link Relation#ORDER}): {@link #ORDER_NOTE}, then {@code note}. */
  Bound orderBound(
      String id,
      String title,
      String result,
      String equation,
      String formula,
      String quantity,
      List<Assumption> assumptions,
      String tag,
      String source,
      String note) {
    return bound(
        id,
        title,
        result,
        equation,
        formula,
        ORDER,
        quantity,
        assumptions,
        tag,
        source,
        (ORDER_NOTE + " " + note).strip());
  }
}
