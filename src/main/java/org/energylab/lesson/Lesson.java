package org.energylab.lesson;

import java.util.List;
import org.energylab.exercise.Exercise;

/**
 * One lesson, parsed from its Markdown file.
 *
 * @param file the path of the lesson file inside the content folder, e.g. {@code
 *     01-lagrangian/01-the-lagrangian.md}
 */
public record Lesson(
        String id,
        String title,
        String summary,
        String moduleId,
        String file,
        List<LessonBlock> blocks,
        List<Exercise> exercises,
        List<Objective> objectives) {
    public Lesson {
        blocks = List.copyOf(blocks);
        exercises = List.copyOf(exercises);
        objectives = List.copyOf(objectives);
    }

    /** A learning objective from the front matter, with the id of the exercise that checks it. */
    public record Objective(String text, String exercise) {}

    /** The folder of the lesson file, against which its relative image paths resolve. */
    public String folder() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash + 1);
    }
}
