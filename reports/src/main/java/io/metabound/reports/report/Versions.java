package io.metabound.reports.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Versions for a report's header: MetaBound, the Java runtime and the key libraries, read from the
 * {@code pom.properties} that Maven puts into every jar (also inside the shaded jar).
 */
public final class Versions {

  private Versions() {}

  /** Source version when MetaBound runs from class folders rather than its jar. */
  static final String SOURCE_VERSION = "0.1.0-SNAPSHOT";

  private static final String[][] LIBRARIES = {
    {"Hipparchus", "org.hipparchus", "hipparchus-core"},
    {"EJML", "org.ejml", "ejml-ddense"},
    {"XChart", "org.knowm.xchart", "xchart"},
    {"JLaTeXMath", "org.scilab.forge", "jlatexmath"},
    {"picocli", "info.picocli", "picocli"},
    {"Jackson", "tools.jackson.core", "jackson-databind"},
    {"progressbar", "me.tongfei", "progressbar"},
  };

  /** Name → version, in a fixed order; "unknown" when a library's version cannot be read. */
  public static Map<String, String> all() {
    Map<String, String> v = new LinkedHashMap<>();
    String own = read("io.metabound", "metabound-reports");
    v.put("MetaBound", own == null ? SOURCE_VERSION + " (class folders)" : own);
    v.put(
        "Java",
        System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ", "
            + System.getProperty("java.vendor")
            + ")");
    for (String[] lib : LIBRARIES) {
      String version = read(lib[1], lib[2]);
      if (version == null) {
        // EJML and picocli are built with Gradle: no pom.properties, but a version constant
        version = switch (lib[0]) {
          case "EJML" -> org.ejml.EjmlVersion.VERSION;
          case "picocli" -> picocli.CommandLine.VERSION;
          default -> "unknown";
        };
      }
      v.put(lib[0], version);
    }
    return v;
  }

  private static String read(String group, String artifact) {
    String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Versions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
