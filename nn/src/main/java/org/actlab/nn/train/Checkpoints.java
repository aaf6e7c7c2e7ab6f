package org.actlab.nn.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.actlab.nn.Tensor;

/**
 * The checkpoint file format, version 1 (big-endian, strings as Java modified UTF-8):
 *
 * <pre>
 * "ACTLABCK" (8 bytes), int version = 1
 * UTF spec, int n, n × (UTF key, UTF value)          meta
 * int epoch, long step, long seed, double baseRate, double learningRate, UTF optimizer description
 * 3 × (int n, n × (UTF name, tensor))                parameters, buffers, optimizer state
 * long CRC32 of all bytes before it
 * tensor := int rank, rank × int dim, size × float (IEEE bits)
 * </pre>
 *
 * Files are written atomically ({@link AtomicFiles}); a damaged file fails the CRC check with a clear message.
 */
public final class Checkpoints {

  private static final byte[] MAGIC = "ACTLABCK".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  private Checkpoints() {}

  /** Saves {@code c} to {@code file} atomically; an existing file is replaced only if {@code overwrite}. */
  public static void save(Path file, Checkpoint c, boolean overwrite) {
    try {
      AtomicFiles.write(file, overwrite, out -> write(new CheckedOutputStream(out, new CRC32()), c));
    } catch (FileAlreadyExistsException e) {
      throw new CheckpointException("'" + file + "' already exists; choose another file or allow overwriting", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot write checkpoint '" + file + "': " + e, e);
    }
  }

  public static Checkpoint load(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return read(raw, "'" + file + "'");
    } catch (NoSuchFileException e) {
      throw new CheckpointException("cannot read checkpoint '" + file + "': no such file", e);
    } catch (EOFException e) {
      throw new CheckpointException("checkpoint '" + file + "' is truncated", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint '" + file + "': " + e, e);
    }
  }

  private static void write(CheckedOutputStream checked, Checkpoint c) throws IOException {
    DataOutputStream out = new DataOutputStream(checked);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(c.spec());
    Map<String, String> meta = new TreeMap<>(c.meta());
    out.writeInt(meta.size());
    for (Map.Entry<String, String> e : meta.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    out.writeInt(c.epoch());
    out.writeLong(c.step());
    out.writeLong(c.seed());
    out.writeDouble(c.baseRate());
    out.writeDouble(c.learningRate());
    out.writeUTF(c.optimizer());
    tensors(out, c.parameters());
    tensors(out, c.buffers());
    tensors(out, c.optimizerState());
    out.flush();
    out.writeLong(checked.getChecksum().getValue());
    out.flush();
  }

  private static void tensors(DataOutputStream out, Map<String, Tensor> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Tensor> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      Tensor t = e.getValue();
      out.writeInt(t.rank());
      for (int d : t.shape()) {
        out.writeInt(d);
      }
      for (float f : t.data()) {
        out.writeInt(Float.floatToRawIntBits(f));
      }
    }
  }

  private static Checkpoint read(InputStream raw, String source) throws IOException {
    CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
    DataInputStream in = new DataInputStream(checked);
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CheckpointException(source + " is not an ActLab checkpoint (wrong magic bytes)");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new CheckpointException(source + " has checkpoint format version " + version + "; this build reads "
          + VERSION);
    }
    String spec = in.readUTF();
    Map<String, String> meta = new TreeMap<>();
    for (int i = count(in, source); i > 0; i--) {
      meta.put(in.readUTF(), in.readUTF());
    }
    int epoch = in.readInt();
    long step = in.readLong();
    long seed = in.readLong();
    double base = in.readDouble();
    double lr = in.readDouble();
    String opt = in.readUTF();
    Map<String, Tensor> params = tensors(in, source);
    Map<String, Tensor> buffers = tensors(in, source);
    Map<String, Tensor> state = tensors(in, source);
    long expected = checked.getChecksum().getValue();
    if (in.readLong() != expected || in.read() != -1) {
      throw new CheckpointException(source + " is corrupt (checksum mismatch or trailing bytes)");
    }
    return new Checkpoint(spec, meta, epoch, step, seed, base, lr, params, buffers, state, opt);
  }

  private static Map<String, Tensor> tensors(DataInputStream in, String source) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = count(in, source); i > 0; i--) {
      String name = in.readUTF();
      int rank = in.readInt();
      if (rank < 0 || rank > 8) {
        throw new CheckpointException(source + " is corrupt (tensor '" + name + "' has rank " + rank + ")");
      }
      int[] shape = new int[rank];
      long size = 1;
      for (int k = 0; k < rank; k++) {
        shape[k] = in.readInt();
        size *= Math.max(0, shape[k]);
        if (shape[k] < 0 || size > 1L << 30) {
          throw new CheckpointException(source + " is corrupt (tensor '" + name + "' has shape "
              + Arrays.toString(Arrays.copyOf(shape, k + 1)) + ")");
        }
      }
      float[] v = new float[(int) size];
      for (int k = 0; k < v.length; k++) {
        v[k] = Float.intBitsToFloat(in.readInt());
      }
      out.put(name, Tensor.of(v, shape));
    }
    return out;
  }

  private static int count(DataInputStream in, String source) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 1_000_000) {
      throw new CheckpointException(source + " is corrupt (bad entry count " + n + ")");
    }
    return n;
  }
}
