package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The help a new user reads first: complete sentences, no library warnings, a usage error without a command. */
class HelpTextTest {

  static List<String> commands() {
    return List.copyOf(MetaBoundCommand.commandLine().getSubcommands().keySet());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandsHelpPrintsWithoutAPicocliWarning(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertEquals(0, run.code(), run.toString());
    assertFalse(run.out().contains("[picocli") || run.err().contains("[picocli"), run.toString());
    assertFalse(run.out().contains("%n") || run.out().contains("%%"), "unformatted: " + run.out());
  }

  @Test
  void theCommandListGivesEveryCommandAFullSentence() {
    String help = CliRun.of("--help").out();
    String list = help.substring(help.indexOf("Commands:"));
    // one entry per command, and each ends with a full stop, not mid-sentence
    String[] entries = list.substring(list.indexOf('\n') + 1).split("\n(?=  \\S)");
    assertEquals(commands().size(), entries.length, list);
    for (String entry : entries) {
      assertTrue(entry.strip().endsWith("."), "cut mid-sentence: " + entry);
    }
    assertTrue(list.contains("reproductions of the papers' figures and tables"), list);
  }

  @Test
  void noCommandIsAUsageErrorNamingTheCommands() {
    CliRun run = CliRun.of();
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("report, bounds"), run.err());
  }

  @Test
  void firstSentenceStopsAtTheFirstFullStop() {
    assertEquals("One.", MetaBoundCommand.firstSentence("One.  Two."));
    assertEquals("No stop", MetaBoundCommand.firstSentence(" No   stop "));
    CommandLine.Help help = MetaBoundCommand.commandLine().getHelp();
    assertTrue(MetaBoundCommand.commandList(help).lines().allMatch(l -> l.length() <= 80));
  }
}
