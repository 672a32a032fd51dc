package dev.parley.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/** Reads and writes the jsonb columns (attributes maps, lists) with one plain mapper. */
@Component
public class JsonCodec {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder().addModule(new BlackbirdModule()).build();

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public Map<String, Object> readMap(String json) {
        return json == null ? new LinkedHashMap<>() : mapper.readValue(json, MAP);
    }

    public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    public List<Object> readList(String json) {
        return json == null ? List.of() : mapper.readValue(json, LIST);
    }
}
