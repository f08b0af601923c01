package io.metabound.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCsvTest {

  @TempDir Path dir;

  @Test
  void doublesRoundTripBitForBit() throws Exception {
    SweepGrid grid =
        new SweepGrid.AlphaBeta(GridAxis.parse("alpha", "0:0.1:3"), GridAxis.parse("beta", "1e-7:3.3:4"), 1);
    byte[] status = {1, 0, -1, 1, 1, 1, 0, -1, -1, 1, 0, 1};
    double[] rates = {
      0.1, 1.0000000000000002, Double.NaN, 4.9e-324, 0.3333333333333333, 1e-300,
      0.9999999999999999, Double.NaN, Double.NaN, 2.0 / 3, 1.5, 0
    };
    SweepResult result = new SweepResult(grid, Shard.WHOLE, 0, status, rates, 1, 1);
    Path file = dir.resolve("t.csv");
    SweepCsv.write(result, file);
    SweepCsv.Table table = SweepCsv.read(file);
    assertEquals("alpha,beta,status,rate", table.header());
    assertEquals(12, table.rows().size());
    for (int i = 0; i < 12; i++) {
      SweepCsv.Row row = table.rows().get(i);
      assertEquals(Double.doubleToLongBits(grid.rowValue(i / 4)), Double.doubleToLongBits(row.rowValue()));
      assertEquals(Double.doubleToLongBits(grid.columnValue(i % 4)), Double.doubleToLongBits(row.columnValue()));
      assertEquals(status[i], row.status());
      assertEquals(Double.doubleToLongBits(rates[i]), Double.doubleToLongBits(row.rate()));
    }
    // no locale-dependent separators, one header and one line per cell
    String text = Files.readString(file);
    assertTrue(text.endsWith("\n" + grid.rowValue(2) + ",3.3,1,0.0\n"), text);
    assertEquals(13, text.split("\n", -1).length - 1);
  }

  @Test
  void readRejectsForeignFiles() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b,c\n1,2,3\n");
    SweepInputException e = assertThrows(SweepInputException.class, () -> SweepCsv.read(bad));
    assertTrue(e.getMessage().contains("line 1: header"), e.getMessage());
    Files.writeString(bad, "alpha,beta,status,rate\n0.1,0.2,7,0.5\n");
    e = assertThrows(SweepInputException.class, () -> SweepCsv.read(bad));
    assertTrue(e.getMessage().contains("line 2: status"), e.getMessage());
    Files.writeString(bad, "alpha,beta,status,rate\n0.1,x,1,0.5\n");
    e = assertThrows(SweepInputException.class, () -> SweepCsv.read(bad));
    assertTrue(e.getMessage().contains("line 2: not a number"), e.getMessage());
    e = assertThrows(SweepInputException.class, () -> SweepCsv.read(dir.resolve("none.csv")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    Path other = dir.resolve("other.csv");
    Files.writeString(other, "steps,alpha,status,rate\n1,0.2,1,0.5\n");
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "alpha,beta,status,rate\n0.1,0.2,1,0.5\n");
    e = assertThrows(SweepInputException.class,
        () -> SweepCsv.merge(List.of(good, other), dir.resolve("m.csv")));
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }
}
