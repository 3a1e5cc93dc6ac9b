package dev.engram.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command (import, export) on standard error: a bar when a person watches the terminal, nothing
 * when the output goes to a pipe or a log, where a bar's redraws would be noise.
 */
public interface Progress extends AutoCloseable {
    /** Starts a new pass (a new bar): {@code max} items expected, or -1 when unknown. */
    void pass(String name, long max);

    /** Items done so far in the current pass. */
    void done(long items);

    @Override
    void close();

    static Progress forTerminal(Terminal terminal) {
        return terminal.interactive() ? new Bar() : new None();
    }

    /** Draws nothing. */
    final class None implements Progress {
        @Override
        public void pass(String name, long max) {
        }

        @Override
        public void done(long items) {
        }

        @Override
        public void close() {
        }
    }

    /** A progress bar per pass, drawn on the process's standard error. */
    final class Bar implements Progress {
        private ProgressBar bar;

        @Override
        public void pass(String name, long max) {
            close();
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).setUnit(" items", 1).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }

        @Override
        public void done(long items) {
            if (bar != null) {
                bar.stepTo(items);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
