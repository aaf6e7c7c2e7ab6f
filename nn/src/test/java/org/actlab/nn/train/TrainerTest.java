package org.actlab.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.actlab.nn.Parameter;
import org.actlab.nn.data.Dataset;
import org.actlab.nn.data.Datasets;
import org.actlab.nn.spec.ModelBuilder;
import org.actlab.nn.optim.GradClipper;
import org.actlab.nn.optim.LrSchedule;
import org.actlab.nn.spec.StandardToolkit;
import org.junit.jupiter.api.Test;

class TrainerTest {

  static Trainer trainer(String spec, Dataset d, String act, int epochs, long seed, int threads) {
    StandardToolkit kit = new StandardToolkit();
    Model m = ModelBuilder.build(kit, spec, new ModelBuilder.Options(d.sampleShape(), d.outputs(),
        d.classification(), act, Map.of(), "xavier_uniform", seed));
    return new Trainer(m, kit.optimizer("momentum", Map.of("lr", 0.1)), new Trainer.Config(epochs, 16, seed, threads));
  }

  static float[][] weights(Trainer t) {
    return t.model().parameters().stream().map(p -> p.value().data().clone()).toArray(float[][]::new);
  }

  @Test
  void learnsBlobsAndReportsOneMetricsLinePerEpoch() {
    Dataset d = Datasets.load("blobs", 3, Map.of("n", "300"));
    Trainer t = trainer("dense:16", d, "tanh", 4, 1, 1);
    t.initialize();
    Evaluation before = t.evaluate(d.xTest(), d.yTest());
    List<String> events = new ArrayList<>();
    List<EpochMetrics> ms = t.fit(d, new TrainingListener() {
      @Override
      public void onStart(int first, int last, int batches) {
        events.add("start " + first + ".." + last + " x" + batches);
      }

      @Override
      public void onBatch(int epoch, int batch, double loss) {
        if (batch == 15) {
          events.add("batch " + epoch);
        }
      }
    });
    assertEquals(List.of("start 1..4 x15", "batch 1", "batch 2", "batch 3", "batch 4"), events);
    assertEquals(4, ms.size());
    assertEquals(4, t.epoch());
    assertEquals(60, t.step());
    EpochMetrics last = ms.getLast();
    assertTrue(last.testLoss() < 0.5 * before.loss() && last.testAccuracy() > before.accuracy(),
        before + " -> " + last);
    assertTrue(last.trainLoss() < ms.getFirst().trainLoss(), ms.toString());
    assertTrue(last.seconds() > 0 && last.seconds() < 60);
    Evaluation after = t.evaluate(d.xTest(), d.yTest());
    assertEquals(last.testLoss(), after.loss(), 1e-12);
    assertEquals(last.testAccuracy(), after.accuracy());
    assertEquals(60, after.samples());
  }

  @Test
  void regressionHasNoAccuracy() {
    Dataset d = Datasets.load("sincos", 1, Map.of("n", "100"));
    Trainer t = trainer("dense:8", d, "tanh", 2, 1, 1);
    t.initialize();
    List<EpochMetrics> ms = t.fit(d, new TrainingListener() {});
    assertTrue(Double.isNaN(ms.getLast().testAccuracy()));
    assertTrue(Double.isFinite(ms.getLast().testLoss()));
  }

  @Test
  void sameSeedSameBitsAndOtherSeedDiffers() {
    Dataset d = Datasets.load("moons", 2, Map.of("n", "200"));
    float[][][] runs = new float[3][][];
    long[] seeds = {5, 5, 6};
    int[] threads = {2, 2, 2};
    for (int r = 0; r < 3; r++) {
      Trainer t = trainer("dense:8,dropout:0.3,dense:8", d, "relu", 3, seeds[r], threads[r]);
      t.initialize();
      t.fit(d, new TrainingListener() {});
      runs[r] = weights(t);
    }
    for (int i = 0; i < runs[0].length; i++) {
      assertArrayEquals(runs[0][i], runs[1][i], "parameter " + i);
    }
    assertFalse(java.util.Arrays.deepEquals(runs[0], runs[2]));
  }

  @Test
  void scheduleAndClipperHooksAreCalledPerStep() {
    Dataset d = Datasets.load("xor", 2, Map.of("n", "100"));
    Trainer t = trainer("dense:4", d, "tanh", 2, 1, 1);
    t.initialize();
    List<Integer> epochs = new ArrayList<>();
    t.setSchedule(new LrSchedule() {
      @Override
      public double lr(double base, int epoch) {
        epochs.add(epoch);
        return base / (1 + epoch);
      }

      @Override
      public String describe() {
        return "test";
      }
    });
    int[] clipped = {0};
    t.setClipper(new GradClipper() {
      @Override
      public double clip(List<Parameter> ps) {
        clipped[0]++;
        ps.forEach(p -> p.grad().fill(0f));
        return 0;
      }

      @Override
      public String describe() {
        return "zero";
      }
    });
    float[][] w0 = weights(t);
    List<EpochMetrics> ms = t.fit(d, new TrainingListener() {});
    assertEquals(10, clipped[0]);
    assertEquals(List.of(0, 1), epochs);
    assertEquals(0.1, ms.get(0).learningRate(), 1e-15);
    assertEquals(0.05, ms.get(1).learningRate(), 1e-15);
    // zeroed gradients with fresh momentum: nothing moves
    assertTrue(java.util.Arrays.deepEquals(w0, weights(t)));
  }
}
