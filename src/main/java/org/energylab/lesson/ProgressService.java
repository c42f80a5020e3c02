package org.energylab.lesson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.energylab.exercise.AttemptStore;
import org.energylab.exercise.Exercise;
import org.energylab.learner.Learner;
import org.energylab.learner.LessonVisits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Where a learner stands in the course: the lessons opened, each exercise's tries and outcome, the
 * lessons completed, and the lesson to continue with. One implementation for the home page, the API
 * and the teacher's views.
 *
 * <p>A lesson is <em>completed</em> when it has been opened and every exercise in it is solved (a
 * lesson without exercises, once it has been opened).
 */
@Service
public class ProgressService {
    /** The course, read in the background at start-up: asked for when first needed. */
    private final Supplier<CourseCatalog> catalog;

    private final AttemptStore attempts;
    private final LessonVisits visits;
    private final Clock clock;

    /** One exercise: tries so far and whether it is solved. */
    public record ExerciseStatus(String id, int tries, boolean solved) {}

    /**
     * @param lastOpened when the learner last opened the lesson, empty if never
     */
    public record LessonProgress(
            Lesson lesson, Optional<Instant> lastOpened, boolean completed, List<ExerciseStatus> exercises) {
        public boolean opened() {
            return lastOpened.isPresent();
        }

        public long solved() {
            return exercises.stream().filter(ExerciseStatus::solved).count();
        }
    }

    /**
     * @param lessons every lesson of the course, in course order
     * @param resume the lesson to continue with: the most recently opened one, or the one after it
     *     when that is completed; empty before the first lesson is opened or when all are completed
     */
    public record CourseProgress(List<LessonProgress> lessons, Optional<Lesson> resume) {
        public long completed() {
            return lessons.stream().filter(LessonProgress::completed).count();
        }
    }

    @Autowired
    public ProgressService(ObjectProvider<CourseCatalog> catalog, AttemptStore attempts, LessonVisits visits) {
        this(catalog::getObject, attempts, visits, Clock.systemUTC());
    }

    public ProgressService(CourseCatalog catalog, AttemptStore attempts, LessonVisits visits, Clock clock) {
        this(() -> catalog, attempts, visits, clock);
    }

    private ProgressService(Supplier<CourseCatalog> catalog, AttemptStore attempts, LessonVisits visits, Clock clock) {
        this.catalog = catalog;
        this.attempts = attempts;
        this.visits = visits;
        this.clock = clock;
    }

    /** Notes that the learner has opened the lesson now; other pages of the course (the notation) are not noted. */
    public void opened(Learner learner, Lesson lesson) {
        if (catalog.get().lesson(lesson.id()).isPresent()) {
            visits.opened(learner, lesson.id(), clock.instant());
        }
    }

    public CourseProgress of(Learner learner) {
        return of(visits.visits(learner), attempts.tallies(learner));
    }

    /**
     * Progress from a learner's visits (most recently opened first) and attempt tallies read
     * elsewhere: a class dashboard reads its students' in one query each.
     */
    public CourseProgress of(List<LessonVisits.Visit> visitList, List<AttemptStore.Tally> tallyList) {
        Map<String, Instant> opened = new HashMap<>();
        String mostRecent = null;
        for (LessonVisits.Visit visit : visitList) {
            opened.put(visit.lessonId(), visit.lastOpened());
            if (mostRecent == null && catalog.get().lesson(visit.lessonId()).isPresent()) {
                mostRecent = visit.lessonId();
            }
        }
        Map<String, AttemptStore.Tally> tallies = new HashMap<>();
        for (AttemptStore.Tally tally : tallyList) {
            tallies.put(tally.lessonId() + "/" + tally.exerciseId(), tally);
        }
        List<LessonProgress> lessons = new ArrayList<>();
        for (Lesson lesson : catalog.get().lessons()) {
            List<ExerciseStatus> exercises = new ArrayList<>();
            for (Exercise exercise : lesson.exercises()) {
                AttemptStore.Tally tally = tallies.get(lesson.id() + "/" + exercise.id());
                exercises.add(new ExerciseStatus(
                        exercise.id(), tally == null ? 0 : tally.tries(), tally != null && tally.solved()));
            }
            Optional<Instant> last = Optional.ofNullable(opened.get(lesson.id()));
            boolean completed = last.isPresent() && exercises.stream().allMatch(ExerciseStatus::solved);
            lessons.add(new LessonProgress(lesson, last, completed, List.copyOf(exercises)));
        }
        return new CourseProgress(List.copyOf(lessons), resume(lessons, mostRecent));
    }

    private static Optional<Lesson> resume(List<LessonProgress> lessons, String mostRecent) {
        if (mostRecent == null) {
            return Optional.empty();
        }
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).lesson().id().equals(mostRecent)) {
                for (int j = i; j < lessons.size(); j++) {
                    if (!lessons.get(j).completed()) {
                        return Optional.of(lessons.get(j).lesson());
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
