package org.shequ.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Quarkus' ObjectMapper, built on a factory that writes 4-byte characters (𠮷, emoji) as real UTF-8 instead of
 * escaped surrogate pairs. Both are valid JSON, but clients that log or diff raw bodies should see the text they sent.
 */
@Singleton
public class JsonMapperProducer {

    @Produces
    @Singleton
    ObjectMapper objectMapper(Instance<ObjectMapperCustomizer> customizers) {
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build());
        customizers.stream().sorted().forEach(customizer -> customizer.customize(mapper));
        return mapper;
    }
}
