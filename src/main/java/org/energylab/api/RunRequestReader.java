package org.energylab.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.ParameterSchema;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.ParameterType;
import org.energylab.simulation.Seed;
import org.springframework.http.HttpStatus;

/**
 * Reads the body of a run request strictly: one JSON object with nothing after it, no repeated
 * keys, only the properties {@code parameters} and {@code seed}, numbers as JSON numbers (never as
 * text such as {@code "2d"} or {@code "0x1p1"}), choices as JSON strings, and the seed checked by
 * {@link Seed}. The values then go through the same schema validation as the form's.
 */
final class RunRequestReader {
    static final String FORM = "{\"parameters\": {...}, \"seed\": 42}";
    private static final String PARAMETERS = "parameters";
    private static final Set<String> PROPERTIES = Set.of(PARAMETERS, Seed.FIELD);

    private static final ObjectReader JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .readerFor(JsonNode.class);

    /** The parameters as given (not yet validated against the schema) and the checked seed. */
    record RunRequest(Map<String, Object> parameters, long seed) {}

    private RunRequestReader() {}

    static RunRequest read(byte[] body, ParameterSchema schema) {
        JsonNode root = parse(body);
        if (root == null || root.isMissingNode()) {
            return new RunRequest(Map.of(), Seed.DEFAULT);
        }
        if (!root.isObject()) {
            throw badRequest("The request body must be a JSON object of the form " + FORM, null);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw badRequest(
                        "Unknown property \"" + name + "\": a run request has only \"parameters\" and \"seed\"", name);
            }
        }
        Map<String, Object> parameters = root.has(PARAMETERS) ? parameters(root.get(PARAMETERS), schema) : Map.of();
        long seed = root.has(Seed.FIELD) ? seed(root.get(Seed.FIELD)) : Seed.DEFAULT;
        return new RunRequest(parameters, seed);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw badRequest("The request body is not valid JSON of the form " + FORM + where, null);
        } catch (IOException e) {
            throw badRequest("The request body could not be read", null);
        }
    }

    private static Map<String, Object> parameters(JsonNode node, ParameterSchema schema) {
        if (!node.isObject()) {
            throw badRequest("\"parameters\" must be a JSON object of names and values", PARAMETERS);
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            schema.find(field.getKey()).ifPresent(spec -> checkKind(spec, field.getValue()));
            raw.put(field.getKey(), value(field.getValue()));
        }
        return raw;
    }

    /** A number must come as a JSON number and a choice as a JSON string; text standing for a number is refused. */
    private static void checkKind(ParameterSpec spec, JsonNode value) {
        if (spec.type() != ParameterType.CHOICE && value.isTextual()) {
            throw new InvalidParameterException(
                    spec.name(),
                    spec.label() + " must be a finite number sent as a JSON number (like 0.5), not the text \""
                            + value.textValue() + "\"");
        }
        if (spec.type() == ParameterType.CHOICE && !value.isTextual() && !value.isNull()) {
            throw new InvalidParameterException(
                    spec.name(),
                    spec.label() + " must be one of "
                            + String.join(
                                    ", ",
                                    spec.choices().stream().map(c -> c.value()).toList())
                            + ", as a JSON string");
        }
    }

    private static Object value(JsonNode node) {
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node; // a boolean, array or object: the schema refuses it as the wrong kind
    }

    private static long seed(JsonNode node) {
        if (node.isTextual()) {
            throw new InvalidParameterException(
                    Seed.FIELD,
                    "Seed must be a whole number sent as a JSON number, like 42, not the text \"" + node.textValue()
                            + "\"");
        }
        return Seed.parse(value(node));
    }

    private static ApiException badRequest(String message, String field) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, field);
    }
}
