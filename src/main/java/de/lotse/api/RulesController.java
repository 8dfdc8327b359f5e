package de.lotse.api;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.KnowledgeBaseService;
import de.lotse.knowledge.ParameterTable;
import de.lotse.knowledge.ReloadAttempt;
import de.lotse.knowledge.RuleInfo;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/rules}: what knowledge base is in service. */
@RestController
@RequestMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RulesController {

    private final KnowledgeBaseService knowledge;

    RulesController(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    @Operation(summary = "Describe the loaded knowledge base", description = "Version (content hash), load time,"
            + " supported assessment dates, pathway codes, parameters, every rule with its legal citation, and the last"
            + " reload attempt (time, trigger, status, errors with file and line; null before the first reload).")
    @GetMapping
    RulesDescription describe() {
        KnowledgeBase kb = knowledge.current();
        List<String> pathways = kb.catalogue().pathways().stream().map(p -> p.code()).toList();
        List<ParameterDescription> parameters = kb.parameters().definitions().values().stream()
                .map(RulesController::describe).toList();
        List<Integer> years = kb.parameters().definitions().values().stream()
                .flatMap(d -> d.values().stream()).map(v -> v.from().getYear())
                .filter(y -> y >= kb.supportedWindow().from().getYear() && y <= kb.supportedWindow().until().getYear())
                .distinct().sorted().toList();
        return new RulesDescription(kb.version(), kb.loadedAt(), new Window(kb.supportedWindow().from(),
                kb.supportedWindow().until()), years, pathways, kb.rules().size(), kb.rules(), parameters,
                knowledge.lastReload().orElse(null));
    }

    private static ParameterDescription describe(ParameterTable.Definition d) {
        return new ParameterDescription(d.name(), d.description(), d.unit(), d.reference(), d.url(),
                d.values().stream().map(v -> new DatedValue(v.from(), v.value() == null ? null : v.value().toPlainString(),
                        v.source(), v.note(), v.confirmed())).toList());
    }

    record RulesDescription(String version, Instant loadedAt, Window supportedAssessmentDates, List<Integer> parameterYears,
                            List<String> pathways, int ruleCount, List<RuleInfo> rules,
                            List<ParameterDescription> parameters, ReloadAttempt lastReload) {
    }

    record Window(LocalDate from, LocalDate until) {
    }

    record ParameterDescription(String name, String description, String unit, String reference, String url,
                                List<DatedValue> values) {
    }

    /** {@code confirmed} is false where no official source confirms the value (the note says why). */
    record DatedValue(LocalDate from, String value, String source, String note, boolean confirmed) {
    }
}
