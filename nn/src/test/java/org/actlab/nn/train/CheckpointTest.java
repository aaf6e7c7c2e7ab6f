package org.actlab.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.actlab.nn.data.Dataset;
import org.actlab.nn.data.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  private static final String SPEC = "dense:8,bn,dropout:0.2,dense:8";

  @TempDir
  Path dir;

  private final Dataset data = Datasets.load("circles", 4, Map.of("n", "200"));

  private Trainer fresh(int epochs) {
    return TrainerTest.trainer(SPEC, data, "tanh", epochs, 9, 1);
  }

  private static List<String> files(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void resumeContinuesBitForBit() {
    Trainer straight = fresh(4);
    straight.initialize();
    List<EpochMetrics> all = straight.fit(data, new TrainingListener() {});

    Trainer first = fresh(2);
    first.initialize();
    first.fit(data, new TrainingListener() {});
    Path f = dir.resolve("half.ckpt");
    Checkpoints.save(f, Checkpoint.of(first, Map.of("data", "circles")), false);

    Trainer resumed = fresh(4);
    Checkpoint c = Checkpoints.load(f);
    assertEquals(Map.of("data", "circles"), c.meta());
    assertEquals(2, c.epoch());
    assertFalse(c.buffers().isEmpty());
    assertFalse(c.optimizerState().isEmpty());
    c.restore(resumed);
    List<EpochMetrics> rest = resumed.fit(data, new TrainingListener() {});
    assertEquals(2, rest.size());
    assertEquals(3, rest.getFirst().epoch());
    float[][] a = TrainerTest.weights(straight);
    float[][] b = TrainerTest.weights(resumed);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], "parameter " + i);
    }
    assertEquals(all.getLast().testLoss(), rest.getLast().testLoss());
    assertArrayEquals(straight.model().buffers().get("1.batchnorm.running_mean").data(),
        resumed.model().buffers().get("1.batchnorm.running_mean").data());
    assertEquals(straight.step(), resumed.step());
  }

  @Test
  void roundTripPreservesEverythingAndEvaluatesTheSame() {
    Trainer t = fresh(1);
    t.initialize();
    t.fit(data, new TrainingListener() {});
    Path f = dir.resolve("c.bin");
    Checkpoint c = Checkpoint.of(t, Map.of("act", "tanh"));
    Checkpoints.save(f, c, false);
    Checkpoint back = Checkpoints.load(f);
    assertEquals(c.spec(), back.spec());
    assertEquals(c.parameters().keySet(), back.parameters().keySet());
    assertEquals(c.learningRate(), back.learningRate());
    Trainer u = fresh(1);
    back.restore(u);
    assertEquals(t.evaluate(data.xTest(), data.yTest()), u.evaluate(data.xTest(), data.yTest()));
  }

  @Test
  void refusesToOverwriteUnlessAskedAndWritesAtomically() throws IOException {
    Trainer t = fresh(0);
    t.initialize();
    Path f = Files.writeString(dir.resolve("keep.ckpt"), "precious");
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> Checkpoints.save(f, Checkpoint.of(t, Map.of()), false));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertEquals("precious", Files.readString(f));
    Checkpoints.save(f, Checkpoint.of(t, Map.of()), true);
    assertEquals(0, Checkpoints.load(f).epoch());
    assertEquals(List.of("keep.ckpt"), files(dir));
  }

  @Test
  void failedWriteLeavesNoPartialFile() throws IOException {
    Path target = dir.resolve("out.ckpt");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, false, out -> {
      out.write(new byte[100_000]);
      throw new IOException("disk full (simulated)");
    }));
    assertEquals("disk full (simulated)", e.getMessage());
    assertEquals(List.of(), files(dir));
    Path old = Files.writeString(dir.resolve("old.ckpt"), "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(old, true, out -> {
      out.write(1);
      throw new IOException("boom");
    }));
    assertEquals("old", Files.readString(old));
    assertEquals(List.of("old.ckpt"), files(dir));
  }

  @Test
  void damagedOrForeignFilesAreClearErrors() throws IOException {
    Trainer t = fresh(0);
    t.initialize();
    Path f = dir.resolve("x.ckpt");
    Checkpoints.save(f, Checkpoint.of(t, Map.of()), false);
    byte[] bytes = Files.readAllBytes(f);
    bytes[bytes.length / 2] ^= 1;
    Path flipped = Files.write(dir.resolve("flipped.ckpt"), bytes);
    assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.load(flipped)).getMessage()
        .contains("corrupt"));
    Path cut = Files.write(dir.resolve("cut.ckpt"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
    String m = assertThrows(CheckpointException.class, () -> Checkpoints.load(cut)).getMessage();
    assertTrue(m.contains("cut.ckpt") && (m.contains("truncated") || m.contains("corrupt")), m);
    Path text = Files.writeString(dir.resolve("t.ckpt"), "hello world, not a checkpoint");
    assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.load(text)).getMessage()
        .contains("not an ActLab checkpoint"));
    assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.load(dir.resolve("none")))
        .getMessage().contains("no such file"));
    Trainer other = TrainerTest.trainer("dense:4", data, "tanh", 1, 9, 1);
    String mismatch = assertThrows(CheckpointException.class, () -> Checkpoints.load(f).restore(other)).getMessage();
    assertTrue(mismatch.contains("is for model '" + SPEC + "'"), mismatch);
    Trainer seed = TrainerTest.trainer(SPEC, data, "tanh", 1, 10, 1);
    assertTrue(assertThrows(CheckpointException.class, () -> Checkpoints.load(f).restore(seed)).getMessage()
        .contains("seed 9"));
  }
}
