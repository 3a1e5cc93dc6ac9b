package dev.engram.app.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {
    private static String print(Table table) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            table.print(out, "  ");
        }
        return text.toString();
    }

    @Test
    void alignsColumns_numbersToTheRight() {
        Table table = new Table("ID", ">REWARD", "NOTE").row("a", "0.50", "first").row("longer-id", "1.00", null);
        assertThat(print(table)).isEqualTo(
                "  ID         REWARD  NOTE\n"
                + "  a            0.50  first\n"
                + "  longer-id    1.00  -\n");
    }

    @Test
    void cutsLongCellsButNeverTheLastColumn_andKeepsEveryRowOnOneLine() {
        String longText = "x".repeat(60);
        String printed = print(new Table("A", "B").row(longText, longText + "\nsecond line"));
        assertThat(printed).contains("x".repeat(47) + "…").contains(longText + " second line").hasLineCount(2);
    }
}
