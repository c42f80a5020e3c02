package org.energylab.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every API error: what went wrong and, for bad input, which field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(String error, String field) {
    static ApiError of(String error) {
        return new ApiError(error, null);
    }
}
