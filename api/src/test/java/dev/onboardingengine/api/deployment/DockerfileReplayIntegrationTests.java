package dev.onboardingengine.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * No Docker engine runs where the build runs, so the Dockerfile's build stage is replayed: exactly
 * what its COPY lines copy (less what .dockerignore keeps out of the context) goes into an empty
 * directory, and its RUN command runs there, offline against the local Maven repository. A module,
 * resource or file the build needs and the Dockerfile does not copy fails the build here as it would
 * in {@code docker build}. The runtime stage is then checked against what the build left: the jar it
 * copies, the user it runs as, the jar its entry point runs. It runs a whole Maven build (one to three
 * minutes on 2 cores), so it is named with the integration tests, outside the unit and slice layer.
 */
class DockerfileReplayIntegrationTests {

    private static Path repoRoot;
    private static Dockerfile dockerfile;

    @BeforeAll
    static void readDockerfile() throws IOException {
        repoRoot = findRepoRoot();
        dockerfile = Dockerfile.read(repoRoot.resolve("Dockerfile"));
    }

    @Test
    void theBuildStageBuildsTheJarTheRuntimeStageRunsAsANonRootUser(@TempDir Path context) throws Exception {
        long started = System.nanoTime();
        Dockerfile.Stage build = dockerfile.stage("build");
        Path workspace = replay(build, context);
        System.out.printf("DOCKERFILE replay of the build stage: %d COPY lines, %d RUN, in %d s%n",
                build.copies().size(), build.runs().size(), (System.nanoTime() - started) / 1_000_000_000L);

        Dockerfile.Stage runtime = dockerfile.finalStage();
        List<Dockerfile.Copy> fromBuild = runtime.copies().stream().filter(c -> "build".equals(c.from())).toList();
        assertThat(fromBuild).as("COPY --from=build in the runtime stage").hasSize(1);
        Dockerfile.Copy jarCopy = fromBuild.get(0);
        Path jar = inStage(build, workspace, jarCopy.sources().get(0));
        assertThat(jar).as("the jar the runtime stage copies").isRegularFile();
        try (JarFile bootJar = new JarFile(jar.toFile())) {
            assertThat(bootJar.getManifest().getMainAttributes().getValue("Start-Class"))
                    .isEqualTo("dev.onboardingengine.OnboardingEngineApplication");
        }

        String user = runtime.user();
        assertThat(user).as("USER of the runtime stage").isNotNull().matches("\\d+(:\\d+)?");
        for (String id : user.split(":")) {
            assertThat(Integer.parseInt(id)).as("uid/gid of USER %s", user).isPositive();
        }

        List<String> entrypoint = new ObjectMapper().readValue(runtime.entrypoint(), new TypeReference<List<String>>() {
        });
        String destination = jarCopy.destination().endsWith("/")
                ? jarCopy.destination() + jar.getFileName()
                : jarCopy.destination();
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).containsSequence("-jar", destination);
    }

    @Test
    void aModuleTheDockerfileDoesNotCopyFailsTheReplay(@TempDir Path scratch) throws Exception {
        // The replay must be able to fail: the Dockerfile as it was before bench/pom.xml was copied.
        Path broken = scratch.resolve("Dockerfile");
        Files.write(broken, Files.readAllLines(repoRoot.resolve("Dockerfile")).stream()
                .filter(line -> !line.contains("bench/")).toList());
        Dockerfile.Stage build = Dockerfile.read(broken).stage("build");
        Path context = Files.createDirectory(scratch.resolve("context"));

        BuildResult result = runBuild(build, copyContext(build, context));

        assertThat(result.exitCode()).as("exit code of the build without bench/pom.xml").isNotZero();
        assertThat(result.output()).contains("bench");
    }

    private static Path replay(Dockerfile.Stage build, Path context) throws Exception {
        Path workspace = copyContext(build, context);
        BuildResult result = runBuild(build, workspace);
        if (result.exitCode() != 0) {
            fail("the Dockerfile's build stage failed (exit %d):%n%s", result.exitCode(), result.output());
        }
        return workspace;
    }

    /** Copies what the stage's COPY lines copy into {@code workspace}, which stands for its WORKDIR. */
    private static Path copyContext(Dockerfile.Stage build, Path workspace) throws IOException {
        List<PathMatcher> ignored = dockerIgnore();
        for (Dockerfile.Copy copy : build.copies()) {
            assertThat(copy.from()).as("COPY --from in the build stage").isNull();
            for (String source : copy.sources()) {
                Path from = repoRoot.resolve(source).normalize();
                if (!Files.exists(from)) {
                    fail("COPY %s %s: %s is not in the build context", source, copy.destination(), source);
                }
                Path to = inStage(build, workspace, copy.destination());
                if (Files.isDirectory(from)) {
                    copyTree(from, to, ignored);
                } else {
                    Path target = copy.destination().endsWith("/") ? to.resolve(from.getFileName().toString()) : to;
                    Files.createDirectories(target.getParent());
                    Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return workspace;
    }

    private static void copyTree(Path from, Path to, List<PathMatcher> ignored) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = repoRoot.relativize(file);
                if (ignored.stream().anyMatch(m -> matchesSelfOrParent(m, relative))) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static boolean matchesSelfOrParent(PathMatcher matcher, Path relative) {
        for (Path path = relative; path != null; path = path.getParent()) {
            if (matcher.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<PathMatcher> dockerIgnore() throws IOException {
        Path file = repoRoot.resolve(".dockerignore");
        List<PathMatcher> matchers = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#")) {
                    continue;
                }
                pattern = pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            }
        }
        return matchers;
    }

    /** A path of the stage (absolute, under its WORKDIR, or relative to it) in the replay's directory. */
    private static Path inStage(Dockerfile.Stage stage, Path workspace, String path) {
        String workdir = stage.workdir() == null ? "/" : stage.workdir();
        String relative = path;
        if (path.startsWith("/")) {
            String prefix = workdir.endsWith("/") ? workdir : workdir + "/";
            assertThat(path).as("a path of stage %s", stage.name()).startsWith(prefix);
            relative = path.substring(prefix.length());
        }
        return workspace.resolve(relative).normalize();
    }

    record BuildResult(int exitCode, String output) {
    }

    private static BuildResult runBuild(Dockerfile.Stage build, Path workspace) throws Exception {
        assertThat(build.runs()).as("RUN in the build stage").hasSize(1);
        // Offline, against the Maven repository this build already filled: no network where tests run.
        String command = build.runs().get(0).replaceFirst("^\\./mvnw\\b",
                "./mvnw -o -Dmaven.repo.local=" + localRepository());
        Path log = workspace.resolve("replay.log");
        Process process = new ProcessBuilder("sh", "-c", command).directory(workspace.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the build stage's RUN did not finish in 15 minutes");
        }
        return new BuildResult(process.exitValue(), Files.readString(log));
    }

    private static String localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null
                ? configured
                : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    }

    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Dockerfile")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        return fail("no directory containing Dockerfile and mvnw above " + Path.of("").toAbsolutePath());
    }
}
