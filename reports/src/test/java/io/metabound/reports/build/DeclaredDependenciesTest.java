package io.metabound.reports.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No dependency is declared and never used: every artifact of the parent POM's {@code
 * dependencyManagement} (bills of materials excepted, which are imported rather than depended on)
 * is a dependency of some module. An unused managed dependency is a version nobody tests.
 */
class DeclaredDependenciesTest {

  private static final Path ROOT = Path.of("..");
  private static final List<String> MODULES = List.of("bounds", "experiments", "reports", "notebooks-java");

  @Test
  void everyManagedDependencyIsUsedByAModule() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String managed =
        parent.substring(parent.indexOf("<dependencyManagement>"), parent.indexOf("</dependencyManagement>"));
    StringBuilder modules = new StringBuilder();
    for (String module : MODULES) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      int dependencies = pom.indexOf("<dependencies>");
      modules.append(dependencies < 0 ? "" : pom.substring(dependencies));
    }
    List<String> unused = new ArrayList<>();
    Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(managed);
    while (dependency.find()) {
      String body = dependency.group(1);
      if (body.contains("<scope>import</scope>")) {
        continue;
      }
      Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(body);
      assertTrue(artifact.find(), body);
      if (!modules.toString().contains("<artifactId>" + artifact.group(1) + "</artifactId>")) {
        unused.add(artifact.group(1));
      }
    }
    assertTrue(unused.isEmpty(), "managed in pom.xml but no module depends on them: " + unused);
  }
}
