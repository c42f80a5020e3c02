package org.energylab.account;

import java.io.Serializable;
import java.util.List;
import org.energylab.learner.Learner;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Who is signed in, as kept in the session's security context: no password, not even its hash. */
public record SignedInUser(long id, String username, Role role) implements AuthenticatedPrincipal, Serializable {

    public static SignedInUser of(UserAccount account) {
        return new SignedInUser(account.id(), account.username(), account.role());
    }

    @Override
    public String getName() {
        return username;
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    /** The learner whose progress this account keeps. */
    public Learner.Account learner() {
        return new Learner.Account(id, username);
    }
}
