package org.energylab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.ExerciseParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses one lesson file: YAML front matter (id, title, summary, exercises, objectives), then
 * Markdown whose {@code ```sim <id>} blocks embed simulations and whose {@code ```reveal} blocks
 * hold text kept folded until the learner opens it. Every error names the line it is on.
 */
final class LessonParser {
    private static final Pattern SIM_FENCE = Pattern.compile("^```sim(?:\\s+(\\S*))?\\s*$");
    private static final Pattern REVEAL_FENCE = Pattern.compile("^```reveal\\s*$");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Checks a simulation block and returns its overrides; throws with a message when it is wrong. */
    interface BlockChecker {
        void check(String simulation, Map<String, Object> overrides);
    }

    private final BlockChecker blocks;

    LessonParser(BlockChecker blocks) {
        this.blocks = blocks;
    }

    /**
     * @param render turns a prose chunk of Markdown into HTML
     */
    Lesson parse(String file, String moduleId, String text, Function<String, String> render) {
        if (!text.startsWith("---\n")) {
            throw new ContentException(1, "a lesson starts with front matter: a line \"---\", YAML, and \"---\"");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new ContentException(1, "the front matter opened on line 1 is never closed with \"---\"");
        }
        String yaml = text.substring(4, end + 1);
        int bodyStartLine = countLines(text.substring(0, end + 5)) + 1;
        Map<?, ?> front = frontMatter(yaml);
        String id = required(front, "id");
        if (!ID.matcher(id).matches()) {
            throw new ContentException(
                    lineOfKey(yaml, "id"), "id \"" + id + "\" must be lowercase words joined by hyphens");
        }
        List<Exercise> exercises = exercises(front);
        List<Lesson.Objective> objectives = objectives(front, exercises, lineOfKey(yaml, "objectives"));
        List<LessonBlock> body = body(text.substring(end + 5), bodyStartLine, render);
        return new Lesson(
                id, required(front, "title"), required(front, "summary"), moduleId, file, body, exercises, objectives);
    }

    /** {@code objectives:} a list of {@code - objective: text} / {@code exercise: id} maps. */
    private static List<Lesson.Objective> objectives(Map<?, ?> front, List<Exercise> exercises, int line) {
        Object list = front.get("objectives");
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw new ContentException(line, "\"objectives\" must be a list");
        }
        List<Lesson.Objective> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)
                    || map.get("objective") == null
                    || map.get("objective").toString().isBlank()
                    || map.get("exercise") == null) {
                throw new ContentException(
                        line, "objective " + (i + 1) + " needs \"objective\" (the text) and \"exercise\" (the id)");
            }
            String exercise = map.get("exercise").toString().strip();
            if (exercises.stream().noneMatch(e -> e.id().equals(exercise))) {
                throw new ContentException(
                        line,
                        "objective " + (i + 1) + " is checked by exercise \"" + exercise
                                + "\", which the lesson does not have");
            }
            out.add(new Lesson.Objective(map.get("objective").toString().strip(), exercise));
        }
        return out;
    }

    private static Map<?, ?> frontMatter(String yaml) {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new ContentException(2, "the front matter must be a YAML map (key: value lines)");
            }
            return map;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            throw new ContentException(line, "front matter is not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ContentException(1, "front matter is not valid YAML: " + e.getMessage());
        }
    }

    private static String required(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new ContentException(1, "front matter needs \"" + key + "\"");
        }
        return value.toString().strip();
    }

    private static List<Exercise> exercises(Map<?, ?> front) {
        Object list = front.get("exercises");
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> items)) {
            throw new ContentException(1, "\"exercises\" must be a list");
        }
        List<Exercise> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> map)) {
                throw new ContentException(1, "exercise " + (i + 1) + " must be a map");
            }
            try {
                out.add(ExerciseParser.parse(map, i));
            } catch (IllegalArgumentException e) {
                throw new ContentException(1, e.getMessage());
            }
        }
        if (out.stream().map(Exercise::id).distinct().count() != out.size()) {
            throw new ContentException(1, "two exercises share an id");
        }
        return out;
    }

    private List<LessonBlock> body(String body, int firstLine, Function<String, String> render) {
        List<LessonBlock> blocks = new ArrayList<>();
        String[] lines = body.split("\n", -1);
        StringBuilder prose = new StringBuilder();
        int proseLine = firstLine;
        for (int i = 0; i < lines.length; i++) {
            if (REVEAL_FENCE.matcher(lines[i].trim()).matches()) {
                int line = firstLine + i;
                addProse(blocks, prose, proseLine, render);
                StringBuilder hidden = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].trim().equals("```")) {
                    hidden.append(lines[j]).append('\n');
                    j++;
                }
                if (j == lines.length) {
                    throw new ContentException(line, "the reveal block is never closed with ```");
                }
                if (hidden.toString().isBlank()) {
                    throw new ContentException(line, "the reveal block is empty");
                }
                try {
                    blocks.add(new LessonBlock.Reveal(render.apply(hidden.toString())));
                } catch (IllegalArgumentException e) {
                    throw new ContentException(line, e.getMessage() + " (in the reveal block)");
                }
                i = j;
                proseLine = firstLine + j + 1;
                continue;
            }
            Matcher fence = SIM_FENCE.matcher(lines[i].trim());
            if (!fence.matches()) {
                prose.append(lines[i]).append('\n');
                continue;
            }
            int line = firstLine + i;
            addProse(blocks, prose, proseLine, render);
            String simulation = fence.group(1);
            if (simulation == null || simulation.isEmpty()) {
                throw new ContentException(line, "a sim block names its simulation: ```sim pendulum");
            }
            StringBuilder yaml = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].trim().equals("```")) {
                yaml.append(lines[j]).append('\n');
                j++;
            }
            if (j == lines.length) {
                throw new ContentException(line, "the sim block is never closed with ```");
            }
            blocks.add(new LessonBlock.SimulationBlock(simulation, overrides(simulation, yaml, line), line));
            i = j;
            proseLine = firstLine + j + 1;
        }
        addProse(blocks, prose, proseLine, render);
        return blocks;
    }

    private Map<String, Object> overrides(String simulation, CharSequence yaml, int line) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (!yaml.toString().isBlank()) {
            Object parsed;
            try {
                parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString());
            } catch (YAMLException e) {
                throw new ContentException(line, "the parameters of the sim block are not valid YAML");
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new ContentException(line, "a sim block holds \"name: value\" lines");
            }
            map.forEach((k, v) -> overrides.put(k.toString(), v));
        }
        try {
            blocks.check(simulation, overrides);
        } catch (IllegalArgumentException e) {
            throw new ContentException(line, e.getMessage());
        }
        return overrides;
    }

    private static void addProse(
            List<LessonBlock> blocks, StringBuilder prose, int line, Function<String, String> render) {
        if (!prose.toString().isBlank()) {
            try {
                blocks.add(new LessonBlock.Prose(render.apply(prose.toString())));
            } catch (IllegalArgumentException e) {
                throw new ContentException(line, e.getMessage() + " (in the text starting here)");
            }
        }
        prose.setLength(0);
    }

    /** The file line of a top-level key of the front matter (which starts on line 2), or 1 if not found. */
    private static int lineOfKey(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 1;
    }

    private static int countLines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
