package io.metabound.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SizeLimitsTest {

  @Test
  void doublesMultipliesTheFactorsInBytes() {
    // 3 tasks of d = 4: 3 · 4 · 4 doubles of 8 bytes
    assertEquals(3L * 4 * 4 * 8, SizeLimits.doubles(3, 4, 4));
    assertEquals(0L, SizeLimits.doubles(0, 1_000_000_000L));
  }

  @Test
  void doublesSaturatesInsteadOfOverflowing() {
    // 10^9 · 10^9 · 10^9 doubles overflows a long; the count saturates so require() still refuses
    assertEquals(Long.MAX_VALUE, SizeLimits.doubles(1_000_000_000L, 1_000_000_000L, 1_000_000_000L));
  }

  @Test
  void requireRefusesMoreThanTheLimitAndSaysBothSizes() {
    InputTooLargeException e =
        assertThrows(
            InputTooLargeException.class,
            () -> SizeLimits.require(SizeLimits.doubles(1L << 40), "the task Hessians"));
    assertTrue(e.getMessage().startsWith("the task Hessians needs 8.0 TB"), e.getMessage());
    assertTrue(e.getMessage().contains(SizeLimits.human(SizeLimits.memoryLimitBytes())), e.getMessage());
  }

  @Test
  void requireAcceptsASmallSize() {
    SizeLimits.require(SizeLimits.doubles(10, 10), "a 10 x 10 matrix"); // does not throw
  }

  @Test
  void arrayLengthRefusesWhatNoArrayHolds() {
    assertEquals(5, SizeLimits.arrayLength(5, "a grid"));
    assertThrows(InputTooLargeException.class, () -> SizeLimits.arrayLength(1L << 31, "a grid"));
  }

  @Test
  void humanUsesBinaryUnits() {
    assertEquals("512 B", SizeLimits.human(512));
    assertEquals("1.5 kB", SizeLimits.human(1536));
    assertEquals("2.0 GB", SizeLimits.human(2L << 30));
  }

  @Test
  void aNegativeSizeIsAnInputError() {
    assertThrows(InputTooLargeException.class, () -> SizeLimits.doubles(-1));
  }
}
