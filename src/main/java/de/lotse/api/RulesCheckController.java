package de.lotse.api;

import de.lotse.expert.CheckReport;
import de.lotse.expert.RulesCheck;
import de.lotse.knowledge.LotseProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/rules/check} (admin only): {@code ./lotse check} in the service. Compiles a candidate rules
 * folder and runs the scenarios against it, without touching the knowledge base in service. One check at a time: a
 * check compiles a whole knowledge base, which takes seconds of CPU from the decisions.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/rules", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class RulesCheckController {

    private final RulesCheck check;
    private final Path rulesDir;
    private final Path scenariosDir;
    private final Semaphore oneAtATime = new Semaphore(1);

    RulesCheckController(RulesCheck check, LotseProperties properties,
                         @Value("${lotse.scenarios.dir:test-cases}") Path scenariosDir) {
        this.check = check;
        this.rulesDir = properties.rules().dir();
        this.scenariosDir = scenariosDir;
    }

    /**
     * The folders to check; each is optional.
     *
     * @param rulesDir     the candidate rules folder (default: {@code lotse.rules.dir}, the folder in service)
     * @param scenariosDir the scenarios (default: {@code lotse.scenarios.dir}, {@code test-cases})
     */
    record CheckRequest(String rulesDir, String scenariosDir) {
    }

    @Operation(summary = "Check a rules folder against the scenarios", security = @SecurityRequirement(name = "admin"),
            description = "Compiles the rules folder (default: the one in service) and runs every scenario of the"
                    + " scenarios folder (default: test-cases, without corpus/) against it: compiled or the errors with"
                    + " file, line and message; per scenario passed or the differences, expected against actual; totals."
                    + " The knowledge base in service is never replaced. A folder that does not exist is a 400.")
    @PostMapping("/check")
    ResponseEntity<Object> check(@RequestBody(required = false) CheckRequest request) {
        Path rules = folder("rulesDir", request == null ? null : request.rulesDir(), rulesDir);
        Path scenarios = folder("scenariosDir", request == null ? null : request.scenariosDir(), scenariosDir);
        List<ProblemField> missing = new ArrayList<>();
        if (!Files.isDirectory(rules)) {
            missing.add(ProblemField.of("rulesDir", "the folder '" + rules + "' does not exist on the server"));
        }
        if (!Files.isDirectory(scenarios)) {
            missing.add(ProblemField.of("scenariosDir", "the folder '" + scenarios + "' does not exist on the server"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        if (!oneAtATime.tryAcquire()) {
            ProblemDetail busy = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "check-running", "A check is running",
                    "Another rules check is running; try again when it has finished.");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", "5").body(busy);
        }
        try {
            CheckReport report = check.check(rules, scenarios);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        } finally {
            oneAtATime.release();
        }
    }

    private static Path folder(String field, String given, Path fallback) {
        if (given == null) {
            return fallback;
        }
        if (given.isBlank()) {
            throw new InvalidRequestException(List.of(ProblemField.of(field, "must not be blank: name a folder or leave the field out")));
        }
        try {
            return Path.of(given);
        } catch (InvalidPathException e) {
            throw new InvalidRequestException(List.of(ProblemField.of(field, "is not a valid path: " + e.getReason())));
        }
    }
}
