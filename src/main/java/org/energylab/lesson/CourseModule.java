package org.energylab.lesson;

import java.util.List;

/** A module of the course: its lessons in order, those that loaded. */
public record CourseModule(String id, String title, String summary, List<Lesson> lessons) {
    public CourseModule {
        lessons = List.copyOf(lessons);
    }
}
