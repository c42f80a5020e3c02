package org.energylab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassCsvTest {

    @Test
    void plainCellsStayAsTheyAre() {
        assertThat(ClassCsv.cell("ada")).isEqualTo("ada");
        assertThat(ClassCsv.cell("")).isEqualTo("");
        assertThat(ClassCsv.cell(null)).isEqualTo("");
        assertThat(ClassCsv.cell("2026-09-01T08:00:00Z")).isEqualTo("2026-09-01T08:00:00Z");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
        assertThat(ClassCsv.cell("Energy, entropy")).isEqualTo("\"Energy, entropy\"");
        assertThat(ClassCsv.cell("The \"free\" energy")).isEqualTo("\"The \"\"free\"\" energy\"");
        assertThat(ClassCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ClassCsv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetAQuoteFirst() {
        assertThat(ClassCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ClassCsv.cell("+1")).isEqualTo("'+1");
        assertThat(ClassCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(ClassCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ClassCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(ClassCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void oneRowPerStudentAndExerciseAndOneForALessonWithout() {
        Instant at = Instant.parse("2026-09-01T08:00:00Z");
        var lesson = new ClassService.LessonStatus(
                "the-lagrangian",
                "The Lagrangian, L = T − V",
                true,
                false,
                List.of(
                        new ClassService.ExerciseStatus("planet-x", true, 2, at),
                        new ClassService.ExerciseStatus("period", false, 0, null)));
        var reading = new ClassService.LessonStatus("notes", "Reading", false, false, List.of());
        var student = new ClassService.StudentProgress(7, "ada", at, List.of(lesson, reading));

        String csv = ClassCsv.of(List.of(student));

        assertThat(csv.split("\r\n", -1))
                .containsExactly(
                        "student,lesson_id,lesson_title,lesson_opened,lesson_completed,exercise_id,solved,tries,"
                                + "last_attempt",
                        "ada,the-lagrangian,\"The Lagrangian, L = T − V\",true,false,planet-x,true,2,"
                                + "2026-09-01T08:00:00Z",
                        "ada,the-lagrangian,\"The Lagrangian, L = T − V\",true,false,period,false,0,",
                        "ada,notes,Reading,false,false,,,,",
                        "");
    }
}
