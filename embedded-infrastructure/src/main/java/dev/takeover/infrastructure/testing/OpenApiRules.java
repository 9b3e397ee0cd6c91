package dev.takeover.infrastructure.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rules of the Redocly CLI's "recommended" set that a generated document can break, checked on a service's
 * {@code /q/openapi?format=json}: servers, a unique operationId and a summary for each operation, a 2xx and a 4xx
 * response, security stated on every operation (an open one says so with an empty list), a security scheme for every
 * requirement, every path parameter declared. Returns what breaks them.
 */
public final class OpenApiRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private OpenApiRules() {}

    public static List<String> violations(String json) {
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> violations = new ArrayList<>();
        JsonNode servers = document.path("servers");
        if (!servers.isArray() || servers.isEmpty()) {
            violations.add("no servers");
        }
        Set<String> schemes = new HashSet<>();
        document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        Set<String> operationIds = new HashSet<>();
        boolean securedAtRoot = document.path("security").isArray();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> entry = operations.next();
                if (METHODS.contains(entry.getKey())) {
                    check(path.getKey(), entry.getKey(), entry.getValue(), schemes, operationIds, violations);
                    if (!securedAtRoot && !entry.getValue().has("security")) {
                        violations.add(
                                entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + ": no security stated");
                    }
                }
            }
        }
        return violations;
    }

    private static void check(
            String path,
            String method,
            JsonNode operation,
            Set<String> schemes,
            Set<String> operationIds,
            List<String> violations) {
        String where = method.toUpperCase(Locale.ROOT) + " " + path;
        String operationId = operation.path("operationId").asText("");
        if (operationId.isEmpty()) {
            violations.add(where + ": no operationId");
        } else if (!operationIds.add(operationId)) {
            violations.add(where + ": operationId " + operationId + " is not unique");
        }
        if (operation.path("summary").asText("").isBlank()) {
            violations.add(where + ": no summary");
        }
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(codes::add);
        if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
            violations.add(where + ": no 2xx response");
        }
        if (codes.stream().noneMatch(code -> code.startsWith("4"))) {
            violations.add(where + ": no 4xx response");
        }
        for (JsonNode requirement : operation.path("security")) {
            requirement.fieldNames().forEachRemaining(scheme -> {
                if (!schemes.contains(scheme)) {
                    violations.add(where + ": security scheme " + scheme + " is not defined");
                }
            });
        }
        Set<String> declared = new HashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                declared.add(parameter.path("name").asText());
            }
        }
        Matcher template = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (template.find()) {
            if (!declared.contains(template.group(1))) {
                violations.add(where + ": path parameter " + template.group(1) + " is not declared");
            }
        }
    }
}
