package org.energylab.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts over the JSON API: a student signs up at {@code POST /api/accounts}, an admin makes an
 * account of any role at {@code POST /api/users} (who may call which is {@link ApiSecurity}'s).
 * Bodies are read strictly: one JSON object of strings, no other keys. Bad input is answered 400
 * with {@code {"error", "field"}}, a taken username 409, sign-up while it is turned off 403.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountApi {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The account made; never its password. */
    record AccountBody(long id, String username, String role) {
        static AccountBody of(UserAccount account) {
            return new AccountBody(
                    account.id(), account.username(), account.role().name().toLowerCase(Locale.ROOT));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorBody(String error, String field) {}

    @PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountBody> signUp(@RequestBody(required = false) byte[] body) {
        accounts.requireSignUp();
        JsonNode request = read(body, Set.of("username", "password"), "{\"username\": \"...\", \"password\": \"...\"}");
        UserAccount made = accounts.signUp(text(request, "username"), text(request, "password"));
        return ResponseEntity.status(HttpStatus.CREATED).body(AccountBody.of(made));
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountBody> create(@RequestBody(required = false) byte[] body) {
        JsonNode request = read(
                body,
                Set.of("username", "password", "role"),
                "{\"username\": \"...\", \"password\": \"...\", \"role\": \"teacher\"}");
        String roleName = text(request, "role");
        Role role = Role.parse(roleName)
                .orElseThrow(() -> AccountException.invalid(
                        "role",
                        (roleName == null ? "Give a role" : "No role \"" + roleName + "\"") + "; the roles are "
                                + Role.names()));
        UserAccount made = accounts.create(text(request, "username"), text(request, "password"), role);
        return ResponseEntity.status(HttpStatus.CREATED).body(AccountBody.of(made));
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<ErrorBody> refused(AccountException e) {
        HttpStatus status =
                switch (e.kind()) {
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case USERNAME_TAKEN -> HttpStatus.CONFLICT;
                    case SIGN_UP_CLOSED -> HttpStatus.FORBIDDEN;
                };
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ErrorBody(e.getMessage(), e.field()));
    }

    /** The body as one JSON object with only the given keys, each a string. */
    private static JsonNode read(byte[] body, Set<String> keys, String form) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw AccountException.invalid(null, "The request body is not valid JSON of the form " + form);
        }
        if (node == null || !node.isObject()) {
            throw AccountException.invalid(null, "Send a JSON object of the form " + form);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw AccountException.invalid(name, "Unknown field \"" + name + "\"; the form is " + form);
            }
            if (!node.get(name).isTextual()) {
                throw AccountException.invalid(name, "\"" + name + "\" must be a JSON string");
            }
        }
        return node;
    }

    private static String text(JsonNode request, String key) {
        JsonNode value = request.get(key);
        return value == null ? null : value.asText();
    }
}
