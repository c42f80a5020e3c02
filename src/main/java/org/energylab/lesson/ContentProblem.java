package org.energylab.lesson;

/** Something wrong in the content folder, located precisely enough for a teacher to fix it. */
public record ContentProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
