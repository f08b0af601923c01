package io.metabound.bounds.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural checks over every registered bound: ids, symbols, provenance, round trips. */
class BoundRegistryTest {

  static Stream<Bound> bounds() {
    return BoundRegistry.all().stream();
  }

  @Test
  void idsAreUnique() {
    Set<String> seen = new HashSet<>();
    for (Bound bound : BoundRegistry.all()) {
      assertTrue(seen.add(bound.id()), () -> "duplicate id " + bound.id());
    }
    assertEquals(seen.size(), BoundRegistry.all().size());
  }

  @Test
  void everyPaperHasBoundsAndEveryBoundCitesAListedPaper() {
    assertEquals(
        List.of("Ji2022", "Fallah2020", "Takagi2019", "Rajeswaran2019"), BoundRegistry.papers());
    int total = 0;
    for (String paper : BoundRegistry.papers()) {
      List<Bound> bounds = BoundRegistry.byPaper(paper);
      assertFalse(bounds.isEmpty(), () -> paper + " has no bounds");
      for (Bound bound : bounds) {
        assertEquals(paper, bound.reference().paper());
      }
      total += bounds.size();
    }
    assertEquals(BoundRegistry.all().size(), total);
  }

  @Test
  void lookupsFindWhatIsRegisteredAndNothingElse() {
    Bound first = BoundRegistry.all().get(0);
    assertSame(first, BoundRegistry.find(first.id()).orElseThrow());
    assertTrue(BoundRegistry.find("ji2022.prop1.no-such-bound").isEmpty());
    assertEquals(BoundRegistry.byPaper("Ji2022"), BoundRegistry.byPaper("ji2022"));
    assertTrue(BoundRegistry.byPaper("Finn2017").isEmpty());
    List<Bound> smoothness = BoundRegistry.byQuantity("meta-smoothness");
    assertEquals(
        Set.of(
            "ji2022.prop1.meta-smoothness",
            "ji2022.prop7.meta-smoothness",
            "fallah2020.lemma4.8.meta-smoothness"),
        Set.copyOf(smoothness.stream().map(Bound::id).toList()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void idIsWellFormedAndNamesItsPaper(Bound bound) {
    assertTrue(Bound.ID_PATTERN.matcher(bound.id()).matches(), bound.id());
    assertTrue(
        bound.id().startsWith(bound.reference().paper().toLowerCase(Locale.ROOT) + "."),
        bound.id());
    assertEquals(bound.id().toLowerCase(Locale.ROOT), bound.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void everySymbolOfFormulaAndAssumptionsIsCatalogued(Bound bound) {
    Set<String> unknown = new TreeSet<>();
    for (String symbol : bound.allSymbols()) {
      if (SymbolCatalogue.lookup(symbol).isEmpty()) {
        unknown.add(symbol);
      }
    }
    assertTrue(unknown.isEmpty(), () -> bound.id() + " uses uncatalogued " + unknown);
    for (Assumption assumption : bound.assumptions()) {
      assertTrue(bound.allSymbols().containsAll(assumption.symbols()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void everyBoundIsDocumented(Bound bound) {
    Reference reference = bound.reference();
    assertFalse(reference.citation().isBlank(), bound.id());
    assertTrue(
        reference.citation().contains("arXiv") || reference.citation().contains("OpenReview"),
        () -> bound.id() + " citation lacks an archive identifier");
    assertFalse(reference.result().isBlank(), bound.id());
    assertTrue(
        reference.equation().isEmpty() || reference.equation().matches("\\(\\d+\\)"),
        () -> bound.id() + " equation '" + reference.equation() + "'");
    assertFalse(bound.title().isBlank(), bound.id());
    assertFalse(bound.note().isBlank(), () -> bound.id() + " has no note");
    assertFalse(bound.provenance().source().isBlank(), bound.id());
    assertTrue(bound.provenance().source().contains("THEOREMS.md"), bound.id());
    assertFalse(bound.assumptions().isEmpty(), () -> bound.id() + " states no assumptions");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void provenanceKindFollowsTheTag(Bound bound) {
    Provenance provenance = bound.provenance();
    String tag = provenance.tag();
    assertTrue(
        tag.startsWith("[V")
            || tag.startsWith("[R-")
            || tag.equals("[S]")
            || tag.equals("[derived]"),
        () -> bound.id() + " has unknown tag " + tag);
    assertEquals(tag.startsWith("[V"), provenance.isVerbatim(), bound.id());
    if (provenance.isSecondary()) {
      assertTrue(bound.note().toLowerCase(Locale.ROOT).contains("secondary source"), bound.id());
    }
    if (provenance.isDerived()) {
      assertTrue(
          bound.note().contains("not")
              || bound.note().contains("NOT")
              || bound.note().contains("Not")
              || bound.note().contains("Derived"),
          () -> bound.id() + " is [derived] but its note does not say it is not the paper's");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void quantityIsCatalogued(Bound bound) {
    assertTrue(Quantity.byId(bound.quantity()).isPresent(), bound.id());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void orderOnlyBoundsSayTheirConstantsAreUnspecified(Bound bound) {
    if (bound.relation() == Relation.ORDER) {
      assertTrue(bound.note().contains("constants unspecified"), bound.id());
      assertTrue(bound.statement().contains("= O("), bound.id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void formulaAndConditionsRoundTripThroughThePlainSyntax(Bound bound) {
    Expression formula = bound.formula();
    assertEquals(formula, Expression.parse(formula.toPlain()), bound.id());
    assertFalse(formula.toLatex().isBlank(), bound.id());
    for (Assumption assumption : bound.assumptions()) {
      if (assumption.isCheckable()) {
        String condition = assumption.condition().orElseThrow();
        assertEquals(
            assumption,
            Assumption.parse(condition, assumption.description()),
            () -> bound.id() + ": " + condition);
        assertFalse(assumption.conditionLatex().orElseThrow().isBlank());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounds")
  void fallahBoundsOnSigmaGSayItIsThePapersSigmaTilde(Bound bound) {
    if (bound.reference().paper().equals("Fallah2020") && bound.allSymbols().contains("sigma_g")) {
      assertTrue(bound.note().contains("sigma~ is encoded as sigma_g"), bound.id());
    }
  }

  @Test
  void everyPaperHasAVerbatimOrFlaggedReconstructedResultOfEachMainKind() {
    // the brief's headline results are all present
    for (String id :
        List.of(
            "ji2022.prop1.meta-smoothness",
            "ji2022.prop1.c-l",
            "ji2022.lemma15.alpha-threshold",
            "ji2022.thm5.stationarity",
            "ji2022.thm9.stationarity",
            "fallah2020.lemma4.8.meta-smoothness",
            "fallah2020.thm4.17.d-h-threshold-printed",
            "fallah2020.thm4.17.d-h-threshold",
            "takagi2019.cond-beta.stability",
            "takagi2019.cond-beta.exact-maml-stability",
            "rajeswaran2019.lemma3.gradient-error",
            "rajeswaran2019.cor1.meta-gradient-calls")) {
      assertTrue(BoundRegistry.find(id).isPresent(), id);
    }
    assertEquals(
        Relation.STEPSIZE_THRESHOLD,
        BoundRegistry.find("ji2022.lemma15.alpha-threshold").orElseThrow().relation());
    assertTrue(
        BoundRegistry.find("takagi2019.cond-beta.exact-maml-stability")
            .orElseThrow()
            .provenance()
            .isDerived());
  }

  /**
   * Formulas that are not what the paper prints are not tagged verbatim: the rho-free reading of
   * Theorem 4.17's D_h condition is a reconstruction (the printed one stays [V-ocr+G1]), and the
   * minimum of Lemma 4.10 (21) over phi is MetaBound's consequence of the printed (21).
   */
  @Test
  void readingsAndConsequencesOfPrintedFormulasAreNotTaggedVerbatim() {
    Provenance reading =
        BoundRegistry.find("fallah2020.thm4.17.d-h-threshold").orElseThrow().provenance();
    assertEquals("[R-med]", reading.tag());
    assertFalse(reading.isVerbatim());
    assertTrue(
        BoundRegistry.find("fallah2020.thm4.17.d-h-threshold-printed")
            .orElseThrow()
            .provenance()
            .isVerbatim());
    Bound minimum =
        BoundRegistry.find("fallah2020.lemma4.10.estimator-second-moment-min").orElseThrow();
    assertEquals("[derived]", minimum.provenance().tag());
    assertTrue(
        BoundRegistry.find("fallah2020.lemma4.10.estimator-second-moment")
            .orElseThrow()
            .provenance()
            .isVerbatim());
    assertTrue(minimum.note().contains("not printed in the paper"), minimum.note());
  }
}
