package org.energylab.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes numbers as a JSON array with {@code null} where a value is NaN or infinite. JSON has no
 * such numbers, and Jackson would otherwise write them as the strings "NaN" and "Infinity".
 */
final class GapsAsNull extends StdSerializer<double[]> {
    GapsAsNull() {
        super(double[].class);
    }

    @Override
    public void serialize(double[] values, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeStartArray(values, values.length);
        for (double v : values) {
            if (Double.isFinite(v)) {
                out.writeNumber(v);
            } else {
                out.writeNull();
            }
        }
        out.writeEndArray();
    }
}
