package org.energylab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads files of the content folder: a folder on disk when one is configured, otherwise the course
 * packaged in the application. Paths are relative and may not climb out of the folder, neither by
 * {@code ..} nor through a symbolic link.
 */
public final class ContentStore {
    private final Resource base;
    private final String description;

    ContentStore(ResourceLoader loader, String directory) {
        if (directory == null || directory.isBlank()) {
            this.base = loader.getResource("classpath:content/");
            this.description = "the packaged course";
        } else {
            String dir = directory.endsWith("/") ? directory : directory + "/";
            this.base = loader.getResource("file:" + dir);
            this.description = dir;
        }
    }

    public String description() {
        return description;
    }

    /**
     * The file at a relative path, if it exists, the path is a safe one and the file, symbolic links
     * followed, lies inside the content folder.
     */
    public Optional<Resource> find(String path) {
        return existing(path).filter(this::isInside);
    }

    /** True when the path names a file that exists but, symbolic links followed, lies outside the folder. */
    boolean leavesFolder(String path) {
        return existing(path).filter(r -> !isInside(r)).isPresent();
    }

    private Optional<Resource> existing(String path) {
        if (!isSafe(path)) {
            return Optional.empty();
        }
        try {
            Resource resource = base.createRelative(path);
            return resource.exists() && resource.isReadable() ? Optional.of(resource) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a file's real path (every symbolic link on the way resolved) is inside the real path of
     * the folder. Files inside the application's jar cannot be links, and are inside by construction.
     */
    private boolean isInside(Resource resource) {
        if (!resource.isFile()) {
            return true;
        }
        try {
            Path real = resource.getFile().toPath().toRealPath();
            return real.startsWith(base.getFile().toPath().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    String read(String path) {
        Resource resource = find(path).orElseThrow(() -> new ContentException(0, "file not found"));
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new ContentException(0, "cannot be read: " + e.getMessage());
        }
    }

    static boolean isSafe(String path) {
        if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\") || path.contains(":")) {
            return false;
        }
        // The path becomes part of a URL, which decodes %2e%2e and %2F: no escapes, or it could climb out.
        if (path.contains("%")) {
            return false;
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Resolves a path written in a file against that file's folder ("images/a.svg" from "m/l.md"). */
    static String resolve(String folder, String relative) {
        String path = folder + relative;
        while (path.contains("/../")) {
            path = path.replaceFirst("[^/]+/\\.\\./", "");
        }
        return path.startsWith("./") ? path.substring(2) : path.replace("/./", "/");
    }
}
