package dev.onboardingengine.api.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

import dev.onboardingengine.api.problem.NulCharacter;

/** Jackson's own string deserializer, refusing a string that holds U+0000 ({@link NulCharacter}). */
final class NulFreeStrings extends StdScalarDeserializer<String> {

    NulFreeStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (NulCharacter.isIn(value)) {
            throw new NulCharacter(parser, value);
        }
        return value;
    }
}
