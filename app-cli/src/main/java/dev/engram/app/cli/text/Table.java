package dev.engram.app.cli.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header and aligned columns, numbers right-aligned, long cells cut with an ellipsis so that
 * the columns stay readable; the last column is never cut (nothing follows it to misalign).
 */
public final class Table {
    private static final int MAX_CELL = 48;

    private final String[] header;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns named with a leading {@code >} are right-aligned (numbers); the {@code >} is not shown. */
    public Table(String... columns) {
        header = new String[columns.length];
        right = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            right[i] = columns[i].startsWith(">");
            header[i] = right[i] ? columns[i].substring(1) : columns[i];
        }
    }

    public Table row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("a row of " + header.length + " cells, got " + cells.length);
        }
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String text = oneLine(cells[i] == null ? "-" : cells[i].toString());
            row[i] = i == cells.length - 1 ? text : cut(text);
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out, String indent) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = width(header[i]);
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        line(out, indent, header, widths);
        for (String[] row : rows) {
            line(out, indent, row, widths);
        }
    }

    private void line(PrintWriter out, String indent, String[] cells, int[] widths) {
        StringBuilder text = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(widths[i] - width(cells[i]));
            boolean last = i == cells.length - 1;
            text.append(right[i] ? pad + cells[i] : cells[i] + (last ? "" : pad));
            if (!last) {
                text.append("  ");
            }
        }
        out.println(text.toString().stripTrailing());
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    private static String cut(String text) {
        if (width(text) <= MAX_CELL) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CELL - 1)) + "…";
    }

    /** Width in code points: close enough for the ids, names and numbers these tables hold. */
    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
