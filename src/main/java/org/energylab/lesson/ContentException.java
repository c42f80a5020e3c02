package org.energylab.lesson;

/** A problem found while reading one content file; it becomes a {@link ContentProblem}. */
class ContentException extends RuntimeException {
    private final int line;

    ContentException(int line, String message) {
        super(message);
        this.line = line;
    }

    int line() {
        return line;
    }
}
