#!/usr/bin/env sh
# Builds the platform (tests are the other command) and runs it locally: a real Kafka broker, a real PostgreSQL and
# the four services and the web chat adapter as separate processes. Ctrl-C stops everything.
set -e
cd "$(dirname "$0")"
./mvnw -q package -DskipTests
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" dev.takeover.localstack.LocalStack "$@"
