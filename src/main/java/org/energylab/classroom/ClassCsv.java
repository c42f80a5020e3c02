package org.energylab.classroom;

import java.time.Instant;
import java.util.List;

/**
 * A class's progress as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled), for a spreadsheet or a school's gradebook.
 *
 * <p>One row per student &times; exercise, with the lesson's columns repeated on each row, so that a
 * spreadsheet filter or pivot table answers "who solved what" directly. A lesson without exercises
 * still has one row per student, with the exercise columns empty, so its opened and completed states
 * are kept. Columns: {@code student, lesson_id, lesson_title, lesson_opened, lesson_completed,
 * exercise_id, solved, tries, last_attempt} (an ISO-8601 UTC time, or empty before the first try).
 *
 * <p>A cell that a spreadsheet would take for a formula (one that starts with {@code = + - @}, or a
 * tab or carriage return) is prefixed with a single quote, so that a student's username or a title
 * can never run as a formula on the teacher's machine.
 */
public final class ClassCsv {
    static final List<String> HEADER = List.of(
            "student",
            "lesson_id",
            "lesson_title",
            "lesson_opened",
            "lesson_completed",
            "exercise_id",
            "solved",
            "tries",
            "last_attempt");

    private ClassCsv() {}

    static String of(List<ClassService.StudentProgress> students) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (ClassService.StudentProgress student : students) {
            for (ClassService.LessonStatus lesson : student.lessons()) {
                List<String> lessonCells = List.of(
                        student.username(),
                        lesson.lessonId(),
                        lesson.title(),
                        String.valueOf(lesson.opened()),
                        String.valueOf(lesson.completed()));
                if (lesson.exercises().isEmpty()) {
                    row(csv, concat(lessonCells, List.of("", "", "", "")));
                }
                for (ClassService.ExerciseStatus exercise : lesson.exercises()) {
                    Instant last = exercise.lastAttempt();
                    row(
                            csv,
                            concat(
                                    lessonCells,
                                    List.of(
                                            exercise.id(),
                                            String.valueOf(exercise.solved()),
                                            String.valueOf(exercise.tries()),
                                            last == null ? "" : last.toString())));
                }
            }
        }
        return csv.toString();
    }

    /** One cell, neutralised against formulas, then quoted if it needs to be. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
