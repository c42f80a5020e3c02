package org.energylab.classroom;

import java.time.Instant;

/**
 * A lesson, one exercise of it, or a simulation set up with some values locked, that a class's
 * teacher has set, with a due time.
 *
 * @param lessonId the lesson assigned, or for a simulation the lesson it belongs to
 * @param exerciseId null unless one exercise is assigned
 * @param simulation null unless a simulation is assigned
 */
public record Assignment(
        long id,
        long classId,
        String lessonId,
        String exerciseId,
        SimulationSetup simulation,
        Instant dueAt,
        Instant createdAt) {
    /** Where a student stands on an assignment. */
    public enum State {
        NOT_STARTED("not started"),
        IN_PROGRESS("in progress"),
        DONE("done");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The page a student opens for it: the lesson, or for a simulation the assignment's own page. */
    public String address() {
        return simulation == null ? "/lessons/" + lessonId : "/assignments/" + id;
    }

    /**
     * A student's state: a lesson is done when completed, an exercise when solved; in progress once
     * the lesson is opened (for a lesson) or the exercise tried.
     */
    public State stateOf(ClassService.LessonStatus lesson) {
        if (exerciseId == null) {
            if (lesson.completed()) {
                return State.DONE;
            }
            boolean tried = lesson.exercises().stream().anyMatch(e -> e.tries() > 0);
            return lesson.opened() || tried ? State.IN_PROGRESS : State.NOT_STARTED;
        }
        return lesson.exercises().stream()
                .filter(e -> e.id().equals(exerciseId))
                .findFirst()
                .map(e -> e.solved() ? State.DONE : e.tries() > 0 ? State.IN_PROGRESS : State.NOT_STARTED)
                .orElse(State.NOT_STARTED);
    }
}
