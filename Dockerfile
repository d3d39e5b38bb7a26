# syntax=docker/dockerfile:1
# The onboarding engine as one image: built from source in stage 1, run on a JRE in stage 2.
# Build: docker build -t onboarding-engine .   (docker-compose.yml builds it for you)

# --- Stage 1: build the Spring Boot jar with the Maven wrapper ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Wrapper and poms first, so the layers above the sources stay cached while only code changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY processes/pom.xml processes/
COPY workflow/pom.xml workflow/
COPY api/pom.xml api/
# The root pom lists bench as a module: Maven reads every module's pom to plan the reactor, even one it
# does not build (-pl api -am leaves the benchmark out of the image).
COPY bench/pom.xml bench/

# The event contract (AsyncAPI and JSON Schemas) is packaged into the jar and served at /asyncapi.yaml.
COPY docs/ docs/
COPY processes/src/ processes/src/
COPY workflow/src/ workflow/src/
COPY api/src/ api/src/

# The cache mount keeps the Maven distribution and ~/.m2 between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests package -pl api -am

# --- Stage 2: the runtime image ---
# eclipse-temurin:17-jre is Ubuntu-based and ships curl and wget; the compose healthcheck uses curl.
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 engine \
    && useradd --system --uid 10001 --gid engine --home-dir /app --no-create-home --shell /usr/sbin/nologin engine

WORKDIR /app
# Owned by root and only readable by the engine user: the process cannot replace its own code.
COPY --from=build /workspace/api/target/onboarding-engine.jar /app/engine.jar

# Numeric so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001
EXPOSE 8080
# The flags of README's launch command (a heap and collector sized for a small service; the bench's
# footprint scenario measures with them): raise -Xmx for a busy node.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms64m", "-Xmx512m", "-Xss512k", "-jar", "/app/engine.jar"]
