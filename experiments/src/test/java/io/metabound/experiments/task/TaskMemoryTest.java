package io.metabound.experiments.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.io.InputTooLargeException;
import io.metabound.experiments.io.SizeLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes of task sets are checked before anything is allocated. */
class TaskMemoryTest {

  @Test
  void bytesCountTheMatricesVectorsAndObjectsAndSaturate() {
    assertEquals(3 * (8L * 10 * 10 * 8 + 8L * 10 * 8 + 512), TaskMemory.bytes(3, 10));
    assertEquals(Long.MAX_VALUE, TaskMemory.bytes(Long.MAX_VALUE / 2, 1 << 20));
  }

  @ParameterizedTest
  @CsvSource({"100000, 2, more than an array holds", "2, 2000000000, more than the limit",
      "2000000000, 1, more than an array holds", "20000, 1000, more than the limit"})
  void theFamilyRefusesHugeSizesBeforeGenerating(int dimension, int tasks, String message) {
    QuadraticFamily family = new QuadraticFamily(dimension, tasks, 1, 2, 1, 0, true, 1);
    InputTooLargeException e = assertThrows(InputTooLargeException.class, family::generate);
    assertTrue(e.getMessage().contains(message) && e.getMessage().startsWith("quadratic:dim="), e.getMessage());
  }

  @Test
  void aSetThatFitsPasses() {
    TaskMemory.require(1000, 10, "small");
    assertTrue(TaskMemory.bytes(1000, 10) < SizeLimits.memoryLimitBytes());
  }
}
