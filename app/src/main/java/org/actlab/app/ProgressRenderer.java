package org.actlab.app;

import java.io.PrintWriter;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import org.actlab.nn.train.EpochMetrics;
import org.actlab.nn.train.TrainingListener;

/**
 * A progress bar per epoch on standard error (the progressbar library), cleared when the epoch ends so that the
 * epoch lines on standard output stay clean. Renders through {@code err} with a carriage return, at most 80
 * columns, without querying the terminal.
 */
final class ProgressRenderer implements TrainingListener {

  private final PrintWriter err;
  private final TrainingListener next;
  private int batches;
  private ProgressBar bar;

  ProgressRenderer(PrintWriter err, TrainingListener next) {
    this.err = err;
    this.next = next;
  }

  @Override
  public void onStart(int firstEpoch, int lastEpoch, int batchesPerEpoch) {
    batches = batchesPerEpoch;
    next.onStart(firstEpoch, lastEpoch, batchesPerEpoch);
  }

  @Override
  public void onBatch(int epoch, int batch, double loss) {
    if (bar == null) {
      bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).clearDisplayOnFinish()
          .setConsumer(new DelegatingProgressBarConsumer(this::render, 80)).build();
    }
    bar.stepTo(batch);
    bar.setExtraMessage(String.format(java.util.Locale.ROOT, "loss %.4f", loss));
    next.onBatch(epoch, batch, loss);
  }

  @Override
  public void onEpoch(EpochMetrics m) {
    if (bar != null) {
      bar.close();
      bar = null;
      render(" ".repeat(80) + "\r");
    }
    next.onEpoch(m);
  }

  private void render(String line) {
    synchronized (err) {
      err.print('\r');
      err.print(line);
      err.flush();
    }
  }
}
