# Fachkräfte-Lotse as a container: build the jar with Maven, run it on a JRE as a non-root user.
#
#   docker build -t fachkraefte-lotse:0.1.0 .
#   docker run -p 8080:8080 -e LOTSE_ADMIN_PASSWORD=… fachkraefte-lotse:0.1.0
#   docker run -p 8080:8080 -v "$PWD/rules:/rules:ro" -e LOTSE_RULES_DIR=/rules fachkraefte-lotse:0.1.0
#
# The rules folder is the image's last layer (/app/rules, LOTSE_RULES_DIR): a rules-only change rebuilds only that
# layer. Mount another folder and point LOTSE_RULES_DIR at it to run different rules without a new image
# (docs/deployment.md).

# --- build ---------------------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q -DskipTests package

# --- run -----------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 lotse && useradd --system --uid 10001 --gid lotse --no-create-home lotse
WORKDIR /app
COPY --from=build /src/target/fachkraefte-lotse.jar /app/fachkraefte-lotse.jar
COPY rules /app/rules
ENV LOTSE_RULES_DIR=/app/rules \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/fachkraefte-lotse.jar"]
