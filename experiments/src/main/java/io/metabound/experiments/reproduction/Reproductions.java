package io.metabound.experiments.reproduction;

import java.util.List;
import java.util.Optional;

/** The reproductions MetaBound ships, in report order. */
public final class Reproductions {

  private Reproductions() {}

  /** Every reproduction. */
  public static List<Reproduction> all() {
    return List.of(
        new TakagiLinearRegression(),
        new ImplicitMamlFigure2a(),
        new ImplicitMamlTable1(),
        new FallahTable1(),
        new JiAlphaOverN());
  }

  /** The reproduction with this name. */
  public static Optional<Reproduction> find(String name) {
    return all().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** The names, for help texts and error messages. */
  public static List<String> names() {
    return all().stream().map(Reproduction::name).toList();
  }
}
