package io.metabound.bounds.expr;

import static io.metabound.bounds.expr.Expressions.neg;
import static io.metabound.bounds.expr.Expressions.num;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexRenderingTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "(1 + alpha*L)^(2*N) * L => \\left(1 + \\alpha L\\right)^{2 N} L",
        "a / b => \\frac{a}{b}",
        "(a + b) / (c * x) => \\frac{a + b}{c x}",
        "1 / 2 * L => \\frac{1}{2} L",
        "2 * (1 / 3) => 2 \\cdot \\frac{1}{3}",
        "2 * 3 => 2 \\cdot 3",
        "L * 2 => L \\cdot 2",
        "2 * L * rho => 2 L \\rho",
        "(a + b)^2 => \\left(a + b\\right)^{2}",
        "(a / b)^2 => \\left(\\frac{a}{b}\\right)^{2}",
        "a^b^c => a^{b^{c}}",
        "(a^b)^c => \\left(a^{b}\\right)^{c}",
        "sigma_g^2 / S => \\frac{\\sigma_g^{2}}{S}",
        "sqrt(sigma^2 / B + sigma_g^2 / (B * D_o)) => \\sqrt{\\frac{\\sigma^{2}}{B} +"
            + " \\frac{\\sigma_g^{2}}{B D_{o}}}",
        "D_in + D_test + D_beta + B_prime => D_{\\mathrm{in}} + D_{\\mathrm{test}} + D_{\\beta} +"
            + " B'",
        "min(L / epsilon^2, L * B / sigma^2) => \\min\\{\\frac{L}{\\epsilon^{2}}, \\frac{L"
            + " B}{\\sigma^{2}}\\}",
        "max(a, b, c) => \\max\\{a, b, c\\}",
        "-x^2 => -x^{2}",
        "(-x)^2 => \\left(-x\\right)^{2}",
        "-(a + b) => -\\left(a + b\\right)",
        "a - (b - c) => a - \\left(b - c\\right)",
        "a - (-b) => a - \\left(-b\\right)",
        "a + -2 => a + \\left(-2\\right)",
        "x * -y => x \\left(-y\\right)",
        "-2 * x => -2 x",
        "a + -2 * x => a + \\left(-2 x\\right)",
        "-(-2 * x) => -\\left(-2 x\\right)",
        "a * (-b / c) => a \\frac{-b}{c}",
        "a * -(b / c) => a \\left(-\\frac{b}{c}\\right)",
        "a - -x^2 => a - \\left(-x^{2}\\right)",
        "exp(-lambda * K) => \\exp\\left(-\\lambda K\\right)",
        "log(1 / delta_prime) => \\log\\left(\\frac{1}{\\delta'}\\right)",
        "ceil(2 * alpha^2 * sigma_H^2) => \\left\\lceil 2 \\alpha^{2} \\sigma_H^{2} \\right\\rceil",
        "floor(x) + abs(c) => \\left\\lfloor x \\right\\rfloor + \\left|c\\right|",
        "1e-5 * L => 10^{-5} L",
        "2.5e-7 => 2.5 \\cdot 10^{-7}",
        "grad_task_mean^2 => \\left(\\mathbb{E}_i\\|\\nabla l_i(w)\\|\\right)^{2}",
        "kappa * b_sq => \\kappa \\overline{b^2}",
        "foo_bar * y_i * alpha_max => \\mathrm{foo}_{\\mathrm{bar}} y_{i} \\alpha_{\\mathrm{max}}"
      })
  void rendersFixedExpressions(String plain, String expectedLatex) {
    assertEquals(expectedLatex, Expression.parse(plain).toLatex());
  }

  @Test
  void rendersBuiltConstants() {
    assertEquals("-2", num(-2).toLatex());
    assertEquals("-2", neg(num(2)).toLatex());
    assertEquals("0.5", num(0.5).toLatex());
    assertEquals("10^{20}", num(1e20).toLatex());
  }
}
