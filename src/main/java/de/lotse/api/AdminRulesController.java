package de.lotse.api;

import de.lotse.knowledge.KnowledgeBaseService;
import de.lotse.knowledge.ReloadAttempt;
import de.lotse.knowledge.ReloadStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/rules/reload}: put the rules folder's current content into service (admin only). */
@RestController
@RequestMapping(path = "/api/v1/admin/rules", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class AdminRulesController {

    static final String TRIGGER = "admin api";

    private final KnowledgeBaseService knowledge;

    AdminRulesController(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    @Operation(summary = "Reload the rules folder", security = @SecurityRequirement(name = "admin"),
            description = "Reads, validates and compiles the rules folder and swaps it in atomically. Same content as"
                    + " in service: a no-op (status UNCHANGED). OK with the attempt when loaded or unchanged; 422 with"
                    + " the errors (file, line, message) when the folder is invalid - the previous version keeps"
                    + " serving.")
    @PostMapping("/reload")
    ResponseEntity<Object> reload() {
        ReloadAttempt attempt = knowledge.reload(TRIGGER);
        if (attempt.status() != ReloadStatus.FAILED) {
            return ResponseEntity.ok(attempt);
        }
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "rules-invalid", "Rules not loaded",
                "The rules folder has " + attempt.errors().size() + " problem(s); version " + attempt.version()
                        + " keeps serving.");
        problem.setProperty("errors", attempt.errors());
        problem.setProperty("versionInService", attempt.version());
        problem.setProperty("candidateVersion", attempt.candidateVersion());
        problem.setProperty("at", attempt.at());
        problem.setProperty("durationMillis", attempt.durationMillis());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
