package org.energylab.lesson;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses lesson text may use, judged on the address as the Markdown parser read it (after
 * backslash escapes and character references), and read the way a browser reads it: tabs and line
 * breaks inside an address are dropped, surrounding spaces and control characters trimmed, and a
 * backslash is a slash. A link may lead to http, https and mailto addresses and to addresses
 * without a scheme (pages of the course, anchors); an image is a file of the course or an https
 * address. Anything else ({@code javascript:}, {@code data:}, {@code vbscript:}, ...) is refused.
 */
final class SafeAddresses {
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Set<String> IMAGE_SCHEMES = Set.of("https");

    private SafeAddresses() {}

    /** Why a link address is refused, or empty if it may be used. */
    static Optional<String> refuseLink(String address) {
        return scheme(address)
                .filter(s -> !LINK_SCHEMES.contains(s))
                .map(s -> "the link \"" + address + "\" uses \"" + s
                        + ":\", which lessons may not: they link to http, https and mailto addresses"
                        + " and to pages of the course");
    }

    /** Why an image address is refused, or empty if it may be used. */
    static Optional<String> refuseImage(String address) {
        Optional<String> scheme = scheme(address);
        if (scheme.isPresent() && !IMAGE_SCHEMES.contains(scheme.get())) {
            return Optional.of("the image \"" + address + "\" uses \"" + scheme.get()
                    + ":\", which lessons may not: their images are files of the content folder or https"
                    + " addresses");
        }
        if (scheme.isEmpty() && normalized(address).startsWith("//")) {
            return Optional.of("the image \"" + address
                    + "\" names another server without a scheme, which lessons may not: write it as an https"
                    + " address");
        }
        return Optional.empty();
    }

    /** True when the address names a scheme, so it is not a path of the course. */
    static boolean hasScheme(String address) {
        return scheme(address).isPresent();
    }

    /**
     * The scheme of an address, lower-cased: what comes before a colon that precedes any slash,
     * question mark or hash. A colon there always counts, even after characters a scheme cannot
     * hold: such an address is refused rather than guessed at.
     */
    static Optional<String> scheme(String address) {
        String url = normalized(address);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return Optional.of(url.substring(0, i).toLowerCase(Locale.ROOT));
            }
            if (c == '/' || c == '?' || c == '#') {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String normalized(String address) {
        String url = address.replaceAll("[\\t\\n\\r]", "").replace('\\', '/');
        int start = 0;
        int end = url.length();
        while (start < end && url.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && url.charAt(end - 1) <= ' ') {
            end--;
        }
        return url.substring(start, end);
    }
}
