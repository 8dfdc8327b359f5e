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
# The code is Java 17 (built above with JDK 17); it runs on Java 25, which served 10-25 % more decisions per core here,
# starts faster with its AOT cache (below) and shrinks object headers from 12 to 8 bytes (-XX:+UseCompactObjectHeaders:
# Drools allocates many small objects). docs/performance.md, eighth round; PackagedServiceIT follows these steps on a
# JDK 25.
FROM eclipse-temurin:25-jre
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
# 2. records what the start-up loads and links, with the methods' profiles, in an AOT cache (JEP 483/514/515) that
#    the JVM maps at every start. It reads the rules from run 1. The cache holds only for the same JVM options that
#    decide the layout of objects, so -XX:+UseCompactObjectHeaders is given here and in the entry point, not in
#    JAVA_TOOL_OPTIONS, which operators replace; an unusable cache only makes the start slower (the JVM says why).
RUN java -XX:+UseCompactObjectHeaders -Dspring.context.exit=onRefresh -jar /app/service/fachkraefte-lotse.jar
RUN java -XX:+UseCompactObjectHeaders -XX:AOTCacheOutput=/app/cds/app.aot -Dspring.context.exit=onRefresh \
        -jar /app/service/fachkraefte-lotse.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+UseCompactObjectHeaders", "-XX:AOTCache=/app/cds/app.aot", \
            "-jar", "/app/service/fachkraefte-lotse.jar"]
