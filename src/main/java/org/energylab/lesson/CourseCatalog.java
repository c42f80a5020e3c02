package org.energylab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.SimulationExercise;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.ScalarSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The course as read from the content folder: {@code course.yml} orders modules and lessons, and may
 * name a notation page ({@code notation: notation.md}), a lesson-shaped page outside the modules. A
 * broken lesson file becomes a {@link ContentProblem} (logged with its file and line) and leaves
 * the other lessons working.
 */
public final class CourseCatalog {
    private static final Logger log = LoggerFactory.getLogger(CourseCatalog.class);
    public static final String ASSET_PATH = "/lesson-files/";

    private final ContentStore store;
    private final SimulationRegistry simulations;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final List<CourseModule> modules = new ArrayList<>();
    private final Map<String, Lesson> lessons = new LinkedHashMap<>();
    private final Map<String, Lesson> pages = new LinkedHashMap<>();
    private Lesson notation;
    private final Map<String, String> lessonIdByFile = new LinkedHashMap<>();
    /** Exercise texts as HTML, by lesson folder and Markdown: rendered once, at load, for every page. */
    private final Map<String, String> renderedTexts = new ConcurrentHashMap<>();

    private String title = "Energy Lab";
    private String summary = "";

    public CourseCatalog(ContentStore store, SimulationRegistry simulations) {
        this.store = store;
        this.simulations = simulations;
        load();
        problems.forEach(p -> log.error("Content problem in {}: {}", store.description(), p));
        log.info("Loaded {} lessons in {} modules from {}", lessons.size(), modules.size(), store.description());
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public List<CourseModule> modules() {
        return modules;
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    public Optional<Lesson> lesson(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    public List<Lesson> lessons() {
        return List.copyOf(lessons.values());
    }

    /** A page of the course that is not a lesson of a module, such as the notation page. */
    public Optional<Lesson> page(String id) {
        return Optional.ofNullable(pages.get(id));
    }

    /** The page listing the symbols of the course, lesson by lesson, if course.yml names one. */
    public Optional<Lesson> notation() {
        return Optional.ofNullable(notation);
    }

    public Optional<Lesson> previous(Lesson lesson) {
        List<Lesson> all = lessons();
        int i = all.indexOf(lesson);
        return i > 0 ? Optional.of(all.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        List<Lesson> all = lessons();
        int i = all.indexOf(lesson);
        return i >= 0 && i < all.size() - 1 ? Optional.of(all.get(i + 1)) : Optional.empty();
    }

    public ContentStore store() {
        return store;
    }

    /** Renders Markdown written in {@code lesson} (prose, exercise text) with its addresses resolved. */
    public String html(Lesson lesson, String markdown) {
        String html = renderedTexts.get(lesson.folder() + '\0' + markdown);
        return html != null ? html : renderer(lesson.folder()).toHtml(markdown);
    }

    private MarkdownRenderer renderer(String folder) {
        return new MarkdownRenderer(
                src -> isExternal(src) ? src : ASSET_PATH + ContentStore.resolve(folder, src), href -> {
                    if (isExternal(href) || href.startsWith("#")) {
                        return href;
                    }
                    String[] parts = href.split("#", 2);
                    String id = lessonIdByFile.get(ContentStore.resolve(folder, parts[0]));
                    return id == null ? href : "/lessons/" + id + (parts.length > 1 ? "#" + parts[1] : "");
                });
    }

    private static boolean isExternal(String address) {
        return address.startsWith("http://")
                || address.startsWith("https://")
                || address.startsWith("/")
                || address.startsWith("mailto:");
    }

    private void load() {
        Map<?, ?> course;
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(store.read("course.yml"));
            if (!(parsed instanceof Map<?, ?> map) || !(map.get("modules") instanceof List<?>)) {
                problems.add(new ContentProblem("course.yml", 1, "needs a \"modules\" list"));
                return;
            }
            course = map;
        } catch (RuntimeException e) {
            problems.add(new ContentProblem("course.yml", 0, e.getMessage()));
            return;
        }
        title = course.get("title") == null ? title : course.get("title").toString();
        summary = course.get("summary") == null ? "" : course.get("summary").toString();
        List<?> moduleList = (List<?>) course.get("modules");
        // First pass: which file is which lesson, so links between lessons resolve in any order.
        for (Object m : moduleList) {
            if (m instanceof Map<?, ?> module && module.get("lessons") instanceof List<?> files) {
                files.forEach(f -> lessonIdByFile.put(f.toString(), idOf(f.toString())));
            }
        }
        String notationFile =
                course.get("notation") == null ? null : course.get("notation").toString();
        if (notationFile != null) {
            lessonIdByFile.put(notationFile, idOf(notationFile));
        }
        LessonParser parser = new LessonParser(this::checkBlock);
        for (int i = 0; i < moduleList.size(); i++) {
            if (!(moduleList.get(i) instanceof Map<?, ?> module)
                    || module.get("id") == null
                    || module.get("title") == null
                    || !(module.get("lessons") instanceof List<?> files)) {
                problems.add(new ContentProblem(
                        "course.yml", 0, "module " + (i + 1) + " needs an id, a title and a list of lessons"));
                continue;
            }
            String moduleId = module.get("id").toString();
            List<Lesson> moduleLessons = new ArrayList<>();
            for (Object f : files) {
                loadLesson(parser, moduleId, f.toString(), lessons).ifPresent(moduleLessons::add);
            }
            modules.add(new CourseModule(
                    moduleId,
                    module.get("title").toString(),
                    String.valueOf(module.get("summary") == null ? "" : module.get("summary")),
                    moduleLessons));
        }
        if (notationFile != null) {
            notation = loadLesson(parser, "", notationFile, pages).orElse(null);
        }
    }

    private String idOf(String file) {
        try {
            String text = store.read(file);
            var m = java.util.regex.Pattern.compile("(?m)^id:\\s*(\\S+)\\s*$").matcher(text);
            return m.find() ? m.group(1) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Optional<Lesson> loadLesson(LessonParser parser, String moduleId, String file, Map<String, Lesson> into) {
        try {
            if (store.leavesFolder(file)) {
                problems.add(new ContentProblem(
                        "course.yml", 0, "lists " + file + ", which is a link to a file outside the content folder"));
                return Optional.empty();
            }
            if (store.find(file).isEmpty()) {
                problems.add(new ContentProblem("course.yml", 0, "lists " + file + ", which does not exist"));
                return Optional.empty();
            }
            String text = store.read(file);
            String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
            MarkdownRenderer renderer = renderer(folder);
            Lesson lesson = parser.parse(file, moduleId, text, renderer::toHtml);
            if (lessons.containsKey(lesson.id()) || pages.containsKey(lesson.id())) {
                throw new ContentException(2, "the id \"" + lesson.id() + "\" is used by another lesson too");
            }
            checkReferences(lesson, text);
            into.put(lesson.id(), lesson);
            return Optional.of(lesson);
        } catch (ContentException e) {
            problems.add(new ContentProblem(file, e.line(), e.getMessage()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problems.add(new ContentProblem(file, 0, e.getMessage()));
            return Optional.empty();
        }
    }

    private void checkReferences(Lesson lesson, String text) {
        // Exercise texts are rendered only when the page shows them: check their Markdown and math now.
        MarkdownRenderer renderer = renderer(lesson.folder());
        for (Exercise exercise : lesson.exercises()) {
            List<String> texts = new ArrayList<>(List.of(exercise.prompt(), exercise.hint(), exercise.explanation()));
            if (exercise instanceof ChoiceExercise c) {
                texts.addAll(c.choices());
            }
            try {
                // Kept for the pages: the content is fixed while the application runs.
                texts.forEach(t -> renderedTexts.put(lesson.folder() + '\0' + t, renderer.toHtml(t)));
            } catch (IllegalArgumentException e) {
                throw new ContentException(1, "exercise " + exercise.id() + ": " + e.getMessage());
            }
        }
        for (String src : MarkdownRenderer.addresses(text, Image.class)) {
            if (!isExternal(src) && store.leavesFolder(ContentStore.resolve(lesson.folder(), src))) {
                throw new ContentException(
                        lineOf(text, src), "the image " + src + " is a link to a file outside the content folder");
            }
            if (!isExternal(src)
                    && store.find(ContentStore.resolve(lesson.folder(), src)).isEmpty()) {
                throw new ContentException(lineOf(text, src), "the image " + src + " does not exist");
            }
        }
        for (String href : MarkdownRenderer.addresses(text, Link.class)) {
            String target = href.split("#", 2)[0];
            if (!isExternal(href)
                    && !target.isEmpty()
                    && !lessonIdByFile.containsKey(ContentStore.resolve(lesson.folder(), target))) {
                throw new ContentException(
                        lineOf(text, href), "the link " + href + " leads to no lesson of the course");
            }
        }
        for (Exercise exercise : lesson.exercises()) {
            if (exercise instanceof SimulationExercise s) {
                try {
                    checkBlock(s.simulation(), s.require());
                } catch (IllegalArgumentException e) {
                    throw new ContentException(1, "exercise " + s.id() + ": " + e.getMessage());
                }
                Simulation simulation = simulations.find(s.simulation()).orElseThrow();
                if (simulation.scalars().stream().noneMatch(spec -> spec.name().equals(s.scalar()))) {
                    throw new ContentException(
                            1,
                            "exercise " + s.id() + " grades the scalar " + s.scalar() + ", which " + simulation.id()
                                    + " does not report; it reports "
                                    + simulation.scalars().stream()
                                            .map(ScalarSpec::name)
                                            .toList());
                }
                if (lesson.blocks().stream()
                        .noneMatch(b -> b instanceof LessonBlock.SimulationBlock sb
                                && sb.simulation().equals(simulation.id()))) {
                    throw new ContentException(
                            1,
                            "exercise " + s.id() + " is graded from a " + s.simulation()
                                    + " run, but the lesson embeds no such simulation");
                }
            }
        }
    }

    private void checkBlock(String simulation, Map<String, Object> overrides) {
        Simulation s = simulations
                .find(simulation)
                .orElseThrow(() -> new IllegalArgumentException("there is no simulation \"" + simulation + "\""));
        try {
            SimulationRegistry.validate(s, overrides);
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException("parameter " + e.field() + ": " + e.getMessage());
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0
                ? 0
                : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
