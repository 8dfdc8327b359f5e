package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;

import de.lotse.decision.Catalogue.DocumentInfo;
import de.lotse.decision.Catalogue.Entry;
import de.lotse.decision.Catalogue.PathwayInfo;
import de.lotse.decision.facts.FindingStatus;
import de.lotse.decision.facts.RecognitionAdvice;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ranks and the text keys a catalogue resolves at load time, also for codes it does not list. */
class CatalogueTest {

    private static final LocalizedText TEXT = new LocalizedText("de", "en");

    private final Catalogue catalogue = new Catalogue(
            List.of(new PathwayInfo("P1", TEXT, List.of(), null, Set.of(Goal.ANY)),
                    new PathwayInfo("P2", TEXT, List.of(), null, Set.of(Goal.ANY))),
            List.of(new Entry("S1", TEXT), new Entry("S2", TEXT)),
            List.of(new DocumentInfo("D1", TEXT, null), new DocumentInfo("D2", TEXT, null)),
            List.of(new Entry("C1", TEXT), new Entry("C2", TEXT)),
            Map.of(),
            new Texts(texts("condition.P1.C1.MET", "condition.C1.MET", "condition.C1.UNMET", "condition.P2.CX.UNKNOWN",
                    "condition.CX.MET", "step.P1.S1.required", "step.S1", "step.P2.S1", "step.RECOGNITION.S2",
                    "step.SX.required", "step.P9.SX")));

    private static Map<String, LocalizedText> texts(String... keys) {
        Map<String, LocalizedText> texts = new java.util.HashMap<>();
        for (String key : keys) {
            texts.put(key, TEXT);
        }
        return texts;
    }

    @Test
    void ranksAreTheOrderOfTheFilesAndUnknownCodesComeLast() {
        assertThat(catalogue.pathwayRank("P2")).isEqualTo(1);
        assertThat(catalogue.stepRank("S1")).isZero();
        assertThat(catalogue.documentRank("D2")).isEqualTo(1);
        assertThat(catalogue.conditionRank("C2")).isEqualTo(1);
        assertThat(catalogue.documentRank("DX")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void conditionTextKeyPrefersThePathwaysOwnText() {
        assertThat(catalogue.conditionTextKey("P1", "C1", FindingStatus.MET)).isEqualTo("condition.P1.C1.MET");
        assertThat(catalogue.conditionTextKey("P2", "C1", FindingStatus.MET)).isEqualTo("condition.C1.MET");
        assertThat(catalogue.conditionTextKey("P1", "C1", FindingStatus.UNMET)).isEqualTo("condition.C1.UNMET");
        assertThat(catalogue.conditionTextKey("P1", "C1", FindingStatus.UNKNOWN)).isNull();
        assertThat(catalogue.conditionTextKey("P1", "C2", FindingStatus.MET)).isNull();
        // codes the catalogue does not list are looked up as they come
        assertThat(catalogue.conditionTextKey("P2", "CX", FindingStatus.UNKNOWN)).isEqualTo("condition.P2.CX.UNKNOWN");
        assertThat(catalogue.conditionTextKey("P9", "CX", FindingStatus.MET)).isEqualTo("condition.CX.MET");
        assertThat(catalogue.conditionTextKey("P9", "C1", FindingStatus.MET)).isEqualTo("condition.C1.MET");
    }

    @Test
    void stepTextKeysAreTheExistingOnesMostSpecificFirst() {
        assertThat(catalogue.stepTextKeys("P1", "S1")).containsExactly("step.P1.S1.required", "step.S1");
        assertThat(catalogue.stepTextKeys("P2", "S1")).containsExactly("step.P2.S1", "step.S1");
        assertThat(catalogue.stepTextKeys("P1", "S2")).isEmpty();
        assertThat(catalogue.stepTextKeys(RecognitionAdvice.PATHWAY, "S2")).containsExactly("step.RECOGNITION.S2");
        assertThat(catalogue.stepTextKeys("P9", "SX")).containsExactly("step.SX.required", "step.P9.SX");
        assertThat(catalogue.stepTextKeys("P1", "SX")).containsExactly("step.SX.required");
    }
}
