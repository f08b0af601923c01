package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's main command end to end, in quick mode, on the registry's real suite
 * ({@code RegistryPlans}): {@code metabound report --out target/report-it --quick --latex}.
 * The exit code must say whether an unexpected violation was found.
 */
class ReportCommandIT {

  @Test
  void theMainCommandWritesACompleteReport() throws Exception {
    Path out = Path.of("target", "report-it");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cl = MetaBoundCommand.commandLine();
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    int code = cl.execute("report", "--out", out.toString(), "--quick", "--latex", "--no-notebooks");
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    int unexpected = report.get("counts").get("UNEXPECTED_VIOLATIONS").asInt();
    assertEquals(unexpected > 0 ? 1 : 0, code, stderr.toString());
    for (String f : new String[] {"index.html", "report.md", "checks/check-summary.json", "latex/verdicts.tex", "latex/preview.tex"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertEquals(5, report.get("reproductions").size());
    assertEquals(6, report.get("heatmaps").size());
    assertTrue(stdout.toString().contains("wrote "), stdout.toString());
  }
}
