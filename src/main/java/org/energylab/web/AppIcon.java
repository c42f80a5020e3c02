package org.energylab.web;

import java.util.List;
import java.util.Map;

/**
 * One of the application's icons, as the page's head announces it. The files live in
 * {@code META-INF/resources} (served from the application's root, like {@code /favicon.ico}) and are
 * drawn by {@code src/site/icons/DrawIcons.java} from {@code icons/icon.svg}.
 */
public record AppIcon(String rel, String href, String type, String sizes) {

    public static final List<AppIcon> ALL = List.of(
            new AppIcon("icon", "icons/icon.svg", "image/svg+xml", "any"),
            new AppIcon("icon", "icons/icon-192.png", "image/png", "192x192"),
            new AppIcon("apple-touch-icon", "icons/apple-touch-icon.png", "image/png", "180x180"));

    /** The attributes of its {@code <link>} element, {@code href} aside. */
    public Map<String, String> attributes() {
        return Map.of("rel", rel, "type", type, "sizes", sizes);
    }
}
