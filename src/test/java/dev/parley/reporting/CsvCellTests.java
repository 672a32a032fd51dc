package dev.parley.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellTests {

    @Test
    void cellsASpreadsheetWouldReadAsAFormulaGetALeadingQuote() {
        assertThat(CsvCell.quoted("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(CsvCell.quoted("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCell.quoted("-1")).isEqualTo("\"'-1\"");
        assertThat(CsvCell.quoted("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCell.quoted("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCell.quoted("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void otherCellsAreOnlyQuoted() {
        assertThat(CsvCell.quoted("Ada \"the\" agent")).isEqualTo("\"Ada \"\"the\"\" agent\"");
        assertThat(CsvCell.quoted("a=b")).isEqualTo("\"a=b\"");
        assertThat(CsvCell.quoted("")).isEqualTo("\"\"");
        assertThat(CsvCell.quoted(null)).isEqualTo("\"\"");
    }
}
