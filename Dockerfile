# One build of the whole reactor, then a small runtime image per service (docker-compose.yml picks the target).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre AS runtime
WORKDIR /app
EXPOSE 8080
ENV HTTP_PORT=8080
# The initial heap is otherwise 1/64 of the host's memory, held from the start (local-stack's Platform has the same).
CMD ["java", "-Xms64m", "-Xmx512m", "-jar", "/app/quarkus-run.jar"]

FROM runtime AS bot-service
COPY --from=build /src/bot-service/target/quarkus-app /app

FROM runtime AS handover-service
COPY --from=build /src/handover-service/target/quarkus-app /app

FROM runtime AS agent-service
COPY --from=build /src/agent-service/target/quarkus-app /app

FROM runtime AS transcript-service
COPY --from=build /src/transcript-service/target/quarkus-app /app

FROM runtime AS web-chat
COPY --from=build /src/web-chat/target/quarkus-app /app

# Generates the key pair the services verify tokens with, and demo tokens for sam, anna and ben.
FROM eclipse-temurin:17-jre AS demo-tokens
COPY --from=build /src/local-stack/target/local-stack.jar /app/local-stack.jar
COPY --from=build /src/local-stack/target/lib /app/lib
CMD ["java", "-cp", "/app/local-stack.jar:/app/lib/*", "dev.takeover.localstack.DemoTokens", "/jwt"]
