package dev.takeover.common.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give, as {@link ProblemMappers} and {@link RequestGuard} send
 * them, so no resource has to repeat them: 400 for bad input, 401 and 403 where a token is needed, 404 where the path
 * names something, 409 for conflicting changes, 413/414 for oversized requests and 500. A resource's own description
 * of a code wins.
 */
public class ProblemResponses implements OASFilter {

    private static final String SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach(ProblemResponses::document);
    }

    private static void document(String path, PathItem item) {
        boolean namesSomething = path.contains("{");
        item.getOperations().forEach((method, operation) -> {
            boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
            boolean secured = isSecured(operation);
            APIResponses responses =
                    operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
            operation.setResponses(responses);
            add(responses, "400", "The request is malformed or invalid");
            if (secured) {
                add(responses, "401", "No valid bearer token");
                add(responses, "403", "The token lacks the role or the right to this resource");
            }
            if (namesSomething) {
                add(responses, "404", "Nothing with this id");
            }
            if (changes) {
                add(responses, "409", "The change conflicts with the current state");
                add(responses, "413", "The body is larger than this endpoint accepts");
            }
            add(responses, "414", "The request target is too long");
            add(responses, "500", "An unexpected failure; nothing about the request is in the answer");
        });
    }

    /**
     * Every API of ours needs a token unless an operation says otherwise with an empty security list; whether the
     * framework has added its requirement yet depends on the order the filters run in.
     */
    private static boolean isSecured(Operation operation) {
        return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            APIResponse own = responses.getAPIResponse(code);
            if (own.getContent() == null && own.getRef() == null) {
                own.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/" + SCHEMA)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem")
                .properties(Map.of(
                        "type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)),
                        "title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)),
                        "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)),
                        "detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))))
                .required(List.of("title", "status"));
    }
}
