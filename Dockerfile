# Fachkräfte-Lotse as a container: build the jar with Maven, run it on a JRE as a non-root user.
#
#   docker build -t fachkraefte-lotse:0.1.0 .
#   docker run -p 8080:8080 -e LOTSE_ADMIN_PASSWORD=… fachkraefte-lotse:0.1.0
#   docker run -p 8080:8080 -v "$PWD/rules:/rules:ro" -e LOTSE_RULES_DIR=/rules fachkraefte-lotse:0.1.0
#
# The rules folder is one of the image's last layers (/app/rules, LOTSE_RULES_DIR): a rules-only change rebuilds only
# that layer and the compiled rules after it (/app/compiled-rules, LOTSE_RULES_CACHEDIR, ~3 MB). Mount another
# folder and point LOTSE_RULES_DIR at it to run different rules without a new image (docs/deployment.md).

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
# The extracted layout (the application jar next to lib/) starts faster than the nested jar (docs/performance.md).
COPY --from=build /src/target/fachkraefte-lotse.jar /tmp/fachkraefte-lotse.jar
RUN java -Djarmode=tools -jar /tmp/fachkraefte-lotse.jar extract --destination /app/service \
    && rm /tmp/fachkraefte-lotse.jar \
    && install -d -m 700 -o 10001 -g 10001 /app/compiled-rules \
    && install -d -m 755 -o 10001 -g 10001 /app/cds
COPY rules /app/rules
# LOTSE_WARMUP: after the start, 30 s of generated cases before the instance reports ready (the JIT compiles the
# rules meanwhile; docs/deployment.md). The training runs below stop before it.
# -XX:+UseParallelGC: the collector is chosen, not left to the JVM, which picks the Serial collector under a memory
# limit below 1792 MB (the Deployment's 1.5 GiB) and G1 above; the parallel collector served the most decisions of
# the three on 2 cores (docs/performance.md, seventh round).
ENV LOTSE_RULES_DIR=/app/rules \
    LOTSE_RULES_CACHEDIR=/app/compiled-rules \
    LOTSE_WARMUP=30s \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:+UseParallelGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# Two training runs, each stopping once the service is built, before the web server opens (docs/deployment.md):
# 1. compiles the rules and keeps them in /app/compiled-rules, so that containers read them instead of compiling them
#    (rules with errors fail the image build here);
# 2. records the classes the start-up loads in a class-data archive (AppCDS), which the JVM maps instead of loading
#    and verifying them one by one. It reads the rules from run 1: a dump while rules are being compiled crashed the
#    JVM on one OpenJDK 17 build, so a failed dump only leaves the image without the archive (the JVM starts without
#    it; start-up is then a few seconds longer).
RUN java -Dspring.context.exit=onRefresh -jar /app/service/fachkraefte-lotse.jar
RUN java -XX:ArchiveClassesAtExit=/app/cds/application.jsa -Dspring.context.exit=onRefresh \
        -jar /app/service/fachkraefte-lotse.jar \
    || (rm -f /app/cds/application.jsa; echo "no class-data archive: the service starts without one")
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/cds/application.jsa", "-jar", "/app/service/fachkraefte-lotse.jar"]
