package org.energylab.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.energylab.exercise.AttemptStore;
import org.energylab.learner.LearnerSessions;
import org.energylab.learner.LessonVisits;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What happens when someone signs in to a browser session, by the sign-in form or right after
 * signing up: the session's learner becomes the account, and what the session's guest had answered
 * moves into the account.
 */
@Component
public class SignIn {
    private final AttemptStore attempts;
    private final LessonVisits visits;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public SignIn(AttemptStore attempts, LessonVisits visits) {
        this.attempts = attempts;
        this.visits = visits;
    }

    /** The session now belongs to {@code user}: its guest's progress is theirs. */
    public void keepGuestProgress(HttpSession session, SignedInUser user) {
        LearnerSessions.signIn(session::getAttribute, session::setAttribute, user.learner(), (guest, account) -> {
            // Visits first: moving the attempts removes the guest's row, and its visits with it.
            visits.moveAll(guest, account);
            attempts.moveAll(guest, account);
        });
    }

    /**
     * Signs {@code user} in to the session of this request, as the sign-in form would: a new session
     * id (so that an id known before signing in is worth nothing after), the security context saved
     * in the session, and the guest's progress kept.
     */
    public void signInNow(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        strategy.setContext(context);
        request.getSession(true);
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        keepGuestProgress(request.getSession(), user);
    }
}
