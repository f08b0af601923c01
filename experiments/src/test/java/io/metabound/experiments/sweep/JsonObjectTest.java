package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonObjectTest {

  @Test
  void writesJsonThatDatabindReadsBack() {
    JsonObject root = new JsonObject();
    root.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 α");
    root.put("int", 42L);
    root.put("double", 0.1);
    root.put("tiny", 4.9e-324);
    root.put("nan", Double.NaN);
    root.put("inf", Double.NEGATIVE_INFINITY);
    root.put("flag", true);
    root.putArray("flat").add(1.5).add("a").add(3L);
    root.putArray("nested").addArray().add(1.0).add(Double.POSITIVE_INFINITY);
    root.putObject("empty");
    root.putObject("child").put("x", -0.0);
    JsonNode back = JsonMapper.builder().build().readTree(root.toText());
    assertEquals("quote \" backslash \\ newline \n tab \t bell \u0007 α", back.get("text").asString());
    assertEquals(42, back.get("int").asInt());
    assertEquals(0.1, back.get("double").asDouble(), 0);
    assertEquals(4.9e-324, back.get("tiny").asDouble(), 0);
    assertEquals("NaN", back.get("nan").asString());
    assertEquals("-Infinity", back.get("inf").asString());
    assertEquals(true, back.get("flag").asBoolean());
    assertEquals(3, back.get("flat").size());
    assertEquals("Infinity", back.get("nested").get(0).get(1).asString());
    assertEquals(0, back.get("empty").size());
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(back.get("child").get("x").asDouble()));
  }
}
