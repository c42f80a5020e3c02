package org.energylab.classroom.ui;

import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.energylab.classroom.Classroom;

/** Addresses of a class's pages and of its join link, shared by the class pages. */
final class ClassLinks {
    private ClassLinks() {}

    static String dashboard(long classId) {
        return "/classes/" + classId;
    }

    static String student(long classId, long studentId) {
        return dashboard(classId) + "/students/" + studentId;
    }

    static String csv(long classId) {
        return "/api/classes/" + classId + "/progress.csv";
    }

    /** The join link in full, as a teacher hands it out: this server's address and {@code /join/<code>}. */
    static String join(Classroom classroom) {
        String path = "/join/" + classroom.joinCode();
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return path;
        }
        HttpServletRequest request = current.getHttpServletRequest();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath() + path;
    }
}
