package de.lotse.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reload attempt.
 *
 * @param at               when the attempt finished
 * @param trigger          who asked: {@code file watcher}, {@code admin api}, {@code rules page}, …
 * @param status           loaded, unchanged or failed
 * @param version          the version in service after the attempt
 * @param candidateVersion the version of the folder content that was tried
 * @param errors           for a failed attempt, every problem with file and line; empty otherwise
 * @param durationMillis   reading, validating and compiling
 */
public record ReloadAttempt(Instant at, String trigger, ReloadStatus status, String version, String candidateVersion,
                            List<RuleProblem> errors, long durationMillis) {

    public ReloadAttempt {
        errors = List.copyOf(errors);
    }
}
