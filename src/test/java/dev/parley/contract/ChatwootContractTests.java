package dev.parley.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.support.Api;
import dev.parley.support.IntegrationTest;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation Parley covers, called on the running server, answers in the shape Chatwoot's published
 * OpenAPI documents give it (the application, client and platform documents, kept with their source commit
 * in {@code src/test/resources/chatwoot-contract/}). Known disagreements between a document and Chatwoot's
 * own views, and Parley's deliberate differences, are listed there under {@code differences} with their
 * reasons; an operation whose view renders another shape than documented is checked against that shape
 * ({@code checked_as}), not skipped.
 */
class ChatwootContractTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCoveredApplicationOperationAnswersWithEveryDocumentedKeyAndType() throws Exception {
        ContractWorld world = new ContractWorld(fixtures, platform(), anonymous());
        assertThat(violations("application.json", world.calls())).as("answers that differ from Chatwoot's application document").isEmpty();
        assertThat(world.nestedShapesWereChecked()).as("nested resources were there to be checked").isTrue();
        Set<String> documented = new HashSet<>();
        for (String document : List.of("application.json", "client.json", "platform.json")) {
            for (JsonNode operation : readContract(document).get("operations")) {
                documented.add(operation.get("method").asString() + " " + operation.get("path").asString());
            }
        }
        assertThat(documented).as("every call the world makes is a documented operation").containsAll(world.calls().keySet());
    }

    @Test
    void everyCoveredClientOperationAnswersWithEveryDocumentedKeyAndType() throws Exception {
        ContractWorld world = new ContractWorld(fixtures, platform(), anonymous());
        assertThat(violations("client.json", world.calls())).as("answers that differ from Chatwoot's client (public API) document").isEmpty();
    }

    @Test
    void everyCoveredPlatformOperationAnswersWithEveryDocumentedKeyAndType() throws Exception {
        ContractWorld world = new ContractWorld(fixtures, platform(), anonymous());
        assertThat(violations("platform.json", world.calls())).as("answers that differ from Chatwoot's platform document").isEmpty();
    }

    /** Calls every operation of the document and lists where its answer differs from the documented status and shape. */
    private static List<String> violations(String document, Map<String, Supplier<Api.Response>> calls) throws Exception {
        JsonNode contract = readContract(document);
        Set<String> skippedKeys = new HashSet<>();
        Set<String> keysWhenPresent = new HashSet<>();
        Set<String> skippedOperations = new HashSet<>();
        Map<String, JsonNode> checkedAs = new HashMap<>();
        for (JsonNode difference : contract.get("differences")) {
            assertThat(difference.path("reason").asString("")).as("every difference says why: " + difference).isNotBlank();
            if (difference.has("key")) {
                (difference.path("when_present").asBoolean(false) ? keysWhenPresent : skippedKeys).add(difference.get("key").asString());
            }
            if (!difference.has("operation")) continue;
            String operation = difference.get("operation").asString();
            if (difference.has("checked_as") || difference.has("status")) checkedAs.put(operation, difference);
            else skippedOperations.add(operation);
        }
        DocumentedShape shape = new DocumentedShape(contract.get("schemas"), skippedKeys, keysWhenPresent);

        List<String> violations = new ArrayList<>();
        for (JsonNode operation : contract.get("operations")) {
            String name = operation.get("method").asString() + " " + operation.get("path").asString();
            if (skippedOperations.contains(name)) continue;
            Supplier<Api.Response> call = calls.get(name);
            assertThat(call).as("a call for the covered operation " + name).isNotNull();
            JsonNode expected = checkedAs.getOrDefault(name, operation);
            int status = expected.path("status").asInt(operation.path("status").asInt(200));
            Api.Response response = call.get();
            if (response.status() != status) {
                violations.add(name + ": status " + response.status() + " (documented " + status + ") " + response.body());
                continue;
            }
            violations.addAll(shapeViolations(name, response, operation, checkedAs.get(name), shape));
        }
        return violations;
    }

    private static List<String> shapeViolations(String name, Api.Response response, JsonNode operation, JsonNode view,
                                                DocumentedShape shape) {
        List<String> found;
        if (view != null && view.has("checked_as")) {
            found = shape.violations(response.json(), view.get("checked_as").asString());
        } else if (operation.has("array_of")) {
            found = shape.violationsOfEach(response.json(), operation.get("array_of").asString());
        } else if (operation.has("schema")) {
            found = shape.violations(response.json(), operation.get("schema").asString());
        } else {
            found = List.of(); // the document gives this operation a status and no body
        }
        return found.stream().map(v -> name + " " + v).toList();
    }

    private static JsonNode readContract(String document) throws Exception {
        try (InputStream in = ChatwootContractTests.class.getResourceAsStream("/chatwoot-contract/" + document)) {
            return JSON.readTree(in);
        }
    }
}
