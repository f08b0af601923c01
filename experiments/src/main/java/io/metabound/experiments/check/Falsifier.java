package io.metabound.experiments.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Adversarial search: maximises a score (the tightness ratio of a check) over an instance domain.
 *
 * <p>Two phases within one evaluation budget:
 *
 * <ol>
 *   <li><b>random sampling</b>: a share of the budget spent on uniform points, cycling through the
 *       domain's search spaces so that every shape (dimension, task count) is visited;
 *   <li><b>CMA-ES restarts</b> (Hipparchus {@link CMAESOptimizer}, bounded, active covariance
 *       update): started from the best random points in turn (at most two per search space), then
 *       from fresh random points, each restart with its own derived seed and up to half of the
 *       remaining evaluations, until the budget is spent.
 * </ol>
 *
 * Every evaluated point counts, not only the optimiser's final answers: the result is the best
 * in-scope instance seen. Out-of-scope instances (score NaN) get a large negative score so the
 * optimiser moves away from them. For a fixed seed the result is deterministic; a time cap, if
 * given, stops the search early and is reported ({@link Result#timeCapHit()}), in which case the
 * output depends on the machine's speed.
 */
public final class Falsifier {

  /** Score given to the optimiser for out-of-scope or undefined instances. */
  static final double OUT_OF_SCOPE_SCORE = -1.0e6;

  /** Scores are clipped to this magnitude before the optimiser sees them. */
  static final double SCORE_CAP = 1.0e12;

  private Falsifier() {}

  /** A score to maximise; NaN means out of scope. */
  @FunctionalInterface
  public interface Score {
    double score(Instance instance);
  }

  /**
   * @param evaluations total number of score evaluations
   * @param timeCapSeconds wall-clock cap ({@code Double.POSITIVE_INFINITY}: none)
   * @param randomFraction share of the budget for uniform sampling (at least one point per space)
   */
  public record Budget(int evaluations, double timeCapSeconds, double randomFraction) {
    public Budget {
      if (evaluations < 1) {
        throw new IllegalArgumentException("budget needs >= 1 evaluation, got " + evaluations);
      }
      if (!(randomFraction >= 0 && randomFraction <= 1)) {
        throw new IllegalArgumentException(
            "random fraction must be in [0, 1], got " + randomFraction);
      }
    }
  }

  /**
   * @param best the best in-scope instance seen, null when every evaluated instance was out of
   *     scope
   * @param bestScore its score ({@code −∞} when none)
   * @param bestSpace description of the search space it came from
   * @param evaluations evaluations spent
   * @param inScopeEvaluations evaluations whose score was a number
   * @param restarts CMA-ES runs started
   * @param timeCapHit true when the time cap stopped the search
   * @param leaders the in-scope instances of largest score, best first (at most {@link
   *     #LEADERS}); the confirmation phase re-examines them when the best one's double score was a
   *     rounding residue
   * @param collapsed one line per parameter that the search varied but of which a single value was
   *     ever in scope (the in-scope set collapsed onto it), e.g. {@code only alpha = 0 was in scope
   *     (212 of 400 evaluations; the search ranged over [-0.5, 0])}
   */
  public record Result(
      Instance best,
      double bestScore,
      String bestSpace,
      int evaluations,
      int inScopeEvaluations,
      int restarts,
      boolean timeCapHit,
      List<Instance> leaders,
      List<String> collapsed) {

    public Result {
      leaders = List.copyOf(leaders);
      collapsed = List.copyOf(collapsed);
    }
  }

  /** How many of the best in-scope instances a result keeps. */
  public static final int LEADERS = 20;

  /**
   * Maximises {@code score} over {@code domain}.
   *
   * @param domain where to search
   * @param score the score (NaN: out of scope)
   * @param seed seed of the search's own random choices
   * @param instanceSeed seed stored in every decoded instance (the probe's random numbers)
   * @param budget evaluation budget and optional time cap
   */
  public static Result maximise(
      InstanceDomain domain, Score score, long seed, long instanceSeed, Budget budget) {
    return new Search(domain.searchSpaces(), score, seed, instanceSeed, budget).run();
  }

  /** Thrown inside the objective when the budget or time cap is exhausted. */
  private static final class Exhausted extends RuntimeException {
    Exhausted() {
      super(null, null, false, false);
    }
  }

  private record Sample(double score, int space, double[] point) {}

  private record Leader(double score, Instance instance) {}

  private static final class Search {
    private final List<SearchSpace> spaces;
    private final Score score;
    private final long seed;
    private final long instanceSeed;
    private final Budget budget;
    private final long deadline;
    private final RandomGenerator random;

    private int evaluations;
    private int inScope;
    private int restarts;
    private boolean timeCapHit;
    private Instance best;
    private double bestScore = Double.NEGATIVE_INFINITY;
    private String bestSpace = "";

    /** Smallest and largest value of each parameter over all evaluations, and over in-scope ones. */
    private final java.util.TreeMap<String, double[]> spread = new java.util.TreeMap<>();

    private final java.util.TreeMap<String, double[]> inScopeSpread = new java.util.TreeMap<>();

    /** The best in-scope instances, best first; among equal scores the earliest. */
    private final List<Leader> leaders = new ArrayList<>();

    Search(List<SearchSpace> spaces, Score score, long seed, long instanceSeed, Budget budget) {
      if (spaces.isEmpty()) {
        throw new IllegalArgumentException("the domain has no search space");
      }
      this.spaces = spaces;
      this.score = score;
      this.seed = seed;
      this.instanceSeed = instanceSeed;
      this.budget = budget;
      double cap = budget.timeCapSeconds();
      this.deadline =
          Double.isInfinite(cap) || cap > 1e9
              ? Long.MAX_VALUE
              : System.nanoTime() + (long) (cap * 1e9);
      this.random = new Well19937c(Seeds.derive(seed, 0));
    }

    Result run() {
      List<Sample> samples = new ArrayList<>();
      int randomCount =
          Math.min(
              budget.evaluations(),
              Math.max(
                  spaces.size(), (int) Math.round(budget.randomFraction() * budget.evaluations())));
      try {
        for (int i = 0; i < randomCount; i++) {
          int s = i % spaces.size();
          double[] x = uniformPoint(spaces.get(s));
          double v = evaluate(s, x);
          if (!Double.isNaN(v)) {
            samples.add(new Sample(v, s, x));
          }
        }
        // best first; the sort is stable, so ties keep their sampling order
        samples.sort(Comparator.comparingDouble((Sample p) -> p.score()).reversed());
        boolean anyFree = false;
        for (SearchSpace sp : spaces) {
          anyFree |= freeCoordinates(sp).length > 0;
        }
        while (anyFree && evaluations < budget.evaluations()) {
          int space;
          double[] start;
          if (restarts < samples.size() && restarts < 2 * spaces.size()) {
            space = samples.get(restarts).space();
            start = samples.get(restarts).point();
          } else {
            space = random.nextInt(spaces.size());
            start = uniformPoint(spaces.get(space));
          }
          // geometric split: each restart may use half of what is left (at least 60), so the first
          // restarts can converge and later ones still explore
          int remaining = budget.evaluations() - evaluations;
          int allocation = Math.min(remaining, Math.max(60, remaining / 2));
          restarts++;
          optimise(space, start, allocation, Seeds.derive(seed, restarts));
        }
      } catch (Exhausted e) {
        // budget or time cap reached: the best point so far is the answer
      }
      List<Instance> top = new ArrayList<>();
      for (Leader l : leaders) {
        top.add(l.instance());
      }
      return new Result(
          best, bestScore, bestSpace, evaluations, inScope, restarts, timeCapHit, top, collapsed());
    }

    private void admitLeader(double v, Instance instance) {
      if (leaders.size() == LEADERS && !(v > leaders.get(LEADERS - 1).score())) {
        return;
      }
      for (Leader l : leaders) {
        if (l.instance().equals(instance)) {
          return;
        }
      }
      int at = 0;
      while (at < leaders.size() && leaders.get(at).score() >= v) {
        at++;
      }
      leaders.add(at, new Leader(v, instance));
      if (leaders.size() > LEADERS) {
        leaders.remove(LEADERS);
      }
    }

    /** The parameters the search varied of which one value only was ever in scope. */
    private List<String> collapsed() {
      List<String> out = new ArrayList<>();
      for (var e : spread.entrySet()) {
        double[] all = e.getValue();
        double[] in = inScopeSpread.get(e.getKey());
        if (all[0] < all[1] && in != null && in[0] == in[1]) {
          out.add(
              "only "
                  + e.getKey()
                  + " = "
                  + Instance.format(in[0])
                  + " was in scope ("
                  + inScope
                  + " of "
                  + evaluations
                  + " evaluations; the search ranged over ["
                  + Instance.format(all[0])
                  + ", "
                  + Instance.format(all[1])
                  + "])");
        }
      }
      return out;
    }

    private static void widen(java.util.TreeMap<String, double[]> ranges, Instance instance) {
      for (var p : instance.parameters().entrySet()) {
        double v = p.getValue();
        double[] r = ranges.computeIfAbsent(p.getKey(), k -> new double[] {v, v});
        r[0] = Math.min(r[0], v);
        r[1] = Math.max(r[1], v);
      }
    }

    private void optimise(int space, double[] start, int allocation, long restartSeed) {
      SearchSpace sp = spaces.get(space);
      int[] free = freeCoordinates(sp);
      if (free.length == 0) {
        evaluate(space, start);
        return;
      }
      double[] lower = sp.lowerBounds();
      double[] upper = sp.upperBounds();
      double[] lo = new double[free.length];
      double[] hi = new double[free.length];
      double[] x0 = new double[free.length];
      double[] sigma = new double[free.length];
      for (int k = 0; k < free.length; k++) {
        lo[k] = lower[free[k]];
        hi[k] = upper[free[k]];
        x0[k] = start[free[k]];
        sigma[k] = 0.3 * (hi[k] - lo[k]);
      }
      int population = 4 + (int) (3 * Math.log(free.length));
      if (allocation < 2 * population) {
        // too little left for an evolution strategy: spend it on uniform points
        for (int i = 0; i < allocation; i++) {
          evaluate(space, uniformPoint(sp));
        }
        return;
      }
      CMAESOptimizer optimizer =
          new CMAESOptimizer(
              100_000,
              0.0,
              true,
              0,
              0,
              new Well19937c(restartSeed),
              false,
              new SimpleValueChecker(1e-13, 1e-13));
      double[] full = start.clone();
      try {
        optimizer.optimize(
            new MaxEval(allocation),
            new ObjectiveFunction(
                y -> {
                  for (int k = 0; k < free.length; k++) {
                    full[free[k]] = y[k];
                  }
                  double v = evaluate(space, full.clone());
                  if (Double.isNaN(v)) {
                    return OUT_OF_SCOPE_SCORE;
                  }
                  return Math.max(-SCORE_CAP, Math.min(SCORE_CAP, v));
                }),
            GoalType.MAXIMIZE,
            new InitialGuess(x0),
            new SimpleBounds(lo, hi),
            new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(population));
      } catch (MathIllegalStateException e) {
        // this restart's evaluation allocation is used up: move on to the next restart
      }
    }

    private double evaluate(int space, double[] point) {
      if (evaluations >= budget.evaluations()) {
        throw new Exhausted();
      }
      if (deadline != Long.MAX_VALUE && System.nanoTime() > deadline) {
        timeCapHit = true;
        throw new Exhausted();
      }
      evaluations++;
      Instance instance = spaces.get(space).decode(point, instanceSeed);
      double v = score.score(instance);
      widen(spread, instance);
      if (!Double.isNaN(v)) {
        widen(inScopeSpread, instance);
        inScope++;
        admitLeader(v, instance);
        if (v > bestScore) {
          bestScore = v;
          best = instance;
          bestSpace = spaces.get(space).description();
        }
      }
      return v;
    }

    private double[] uniformPoint(SearchSpace sp) {
      double[] lower = sp.lowerBounds();
      double[] upper = sp.upperBounds();
      double[] x = new double[lower.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = lower[i] + random.nextDouble() * (upper[i] - lower[i]);
      }
      return x;
    }

    private static int[] freeCoordinates(SearchSpace sp) {
      double[] lower = sp.lowerBounds();
      double[] upper = sp.upperBounds();
      int n = 0;
      for (int i = 0; i < lower.length; i++) {
        if (upper[i] > lower[i]) {
          n++;
        }
      }
      int[] free = new int[n];
      n = 0;
      for (int i = 0; i < lower.length; i++) {
        if (upper[i] > lower[i]) {
          free[n++] = i;
        }
      }
      return free;
    }
  }
}
