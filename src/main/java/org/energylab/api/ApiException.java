package org.energylab.api;

import org.springframework.http.HttpStatus;

/** An error the API answers with a status and a message, never a stack trace. */
class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String field;

    ApiException(HttpStatus status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}
