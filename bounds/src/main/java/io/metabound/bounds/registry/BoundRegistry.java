package io.metabound.bounds.registry;

import io.metabound.bounds.papers.Fallah2020;
import io.metabound.bounds.papers.Ji2022;
import io.metabound.bounds.papers.Rajeswaran2019;
import io.metabound.bounds.papers.Takagi2019;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every bound of the four papers, in paper order: Ji, Yang and Liang (2022); Fallah, Mokhtari and
 * Ozdaglar (2020); Takagi, Nagano, Yoshida and Okada (2019); Rajeswaran, Finn, Kakade and Levine
 * (2019). See the classes of {@code io.metabound.bounds.papers} for the statements.
 *
 * <p>The registry is checked once when this class loads: ids are unique and every symbol of every
 * formula and checkable assumption is in the {@link SymbolCatalogue}. A violation is a programming
 * error in a paper class and fails loudly with {@link IllegalStateException}.
 */
public final class BoundRegistry {

  private static final List<String> PAPERS =
      List.of("Ji2022", "Fallah2020", "Takagi2019", "Rajeswaran2019");

  private static final List<Bound> ALL = collect();

  private static final Map<String, Bound> BY_ID = index(ALL);

  private BoundRegistry() {}

  /**
   * @return every registered bound, in paper order; unmodifiable
   */
  public static List<Bound> all() {
    return ALL;
  }

  /**
   * @param id a bound id, e.g. {@code ji2022.prop1.meta-smoothness}
   * @return the bound, or empty when no bound has that id
   */
  public static Optional<Bound> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /**
   * The bounds of one paper.
   *
   * @param paper a paper key as in {@link #papers()}, case-insensitive (e.g. {@code ji2022})
   * @return its bounds in registration order; empty for an unknown paper
   */
  public static List<Bound> byPaper(String paper) {
    List<Bound> bounds = new ArrayList<>();
    for (Bound bound : ALL) {
      if (bound.reference().paper().equalsIgnoreCase(paper)) {
        bounds.add(bound);
      }
    }
    return List.copyOf(bounds);
  }

  /**
   * The bounds on one quantity.
   *
   * @param quantity a {@link Quantity} id, e.g. {@code meta-smoothness}
   * @return the bounds on it, in registry order
   */
  public static List<Bound> byQuantity(String quantity) {
    List<Bound> bounds = new ArrayList<>();
    for (Bound bound : ALL) {
      if (bound.quantity().equals(quantity)) {
        bounds.add(bound);
      }
    }
    return List.copyOf(bounds);
  }

  /**
   * @return the paper keys, e.g. {@code Ji2022}, in registry order
   */
  public static List<String> papers() {
    return PAPERS;
  }

  private static List<Bound> collect() {
    List<Bound> bounds = new ArrayList<>();
    bounds.addAll(Ji2022.bounds());
    bounds.addAll(Fallah2020.bounds());
    bounds.addAll(Takagi2019.bounds());
    bounds.addAll(Rajeswaran2019.bounds());
    for (Bound bound : bounds) {
      if (!PAPERS.contains(bound.reference().paper())) {
        throw new IllegalStateException(
            "bound " + bound.id() + " cites unlisted paper " + bound.reference().paper());
      }
      for (String symbol : bound.allSymbols()) {
        if (SymbolCatalogue.lookup(symbol).isEmpty()) {
          throw new IllegalStateException(
              "bound " + bound.id() + " uses symbol '" + symbol + "', which is not catalogued");
        }
      }
    }
    return Collections.unmodifiableList(bounds);
  }

  private static Map<String, Bound> index(List<Bound> bounds) {
    Map<String, Bound> byId = new LinkedHashMap<>();
    for (Bound bound : bounds) {
      Bound previous = byId.put(bound.id(), bound);
      if (previous != null) {
        throw new IllegalStateException(
            "bound id '"
                + bound.id()
                + "' is registered twice ("
                + previous.title()
                + "; "
                + bound.title()
                + ")");
      }
    }
    return Collections.unmodifiableMap(byId);
  }
}
