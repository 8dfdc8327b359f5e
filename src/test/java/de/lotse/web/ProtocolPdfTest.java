package de.lotse.web;

import static de.lotse.web.AdvisorControllerTest.form;
import static de.lotse.web.FormCases.indianDeveloper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The advice protocol as PDF: generated on the server, with the case, the recommendation and the checklists. */
class ProtocolPdfTest extends WebSliceTest {

    /** The protocol for the values; a copy is kept in ${lotse.build.dir}/screenshots for review. */
    private byte[] pdf(Map<String, String> values, String lang) throws Exception {
        byte[] pdf = mvc.perform(form("/advice/pdf", values).param("lang", lang).param("inputLanguage", "de").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PDF_VALUE))
                .andExpect(header().string("Content-Disposition", lang.equals("de")
                        ? "attachment; filename=\"beratungsprotokoll-2026-03-09.pdf\""
                        : "attachment; filename=\"advice-protocol-2026-03-09.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        Path folder = Path.of(System.getProperty("lotse.build.dir", "target"), "screenshots");
        Files.createDirectories(folder);
        Files.write(folder.resolve("protocol-" + lang + ".pdf"), pdf);
        return pdf;
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }

    private static Set<String> fonts(PDDocument document) throws IOException {
        Set<String> names = new HashSet<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                names.add(page.getResources().getFont(name).getName());
            }
        }
        return names;
    }

    @Test
    void theGermanProtocolHasTheCaseTheRecommendationAndTheChecklistWithUmlautsInAnEmbeddedFont() throws Exception {
        byte[] bytes = pdf(indianDeveloper(), "de");
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String text = text(document);
            assertThat(text).contains("Beratungsprotokoll", "Beurteilungsdatum 09.03.2026",
                    "Staatsangehörigkeit(en) Indien", "Bruttojahresgehalt (EUR) 52.000",
                    "Empfehlung Blaue Karte EU", "Gültiger Reisepass", "Nachweis der Krankenversicherung",
                    "Gefordert: 50.700 · angegeben: 52.000 (maßgeblich am 09.03.2026)", "§ 18g AufenthG",
                    "Orientierungshilfe, keine Rechtsberatung");
            assertThat(text).contains("☐");
            assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font).contains("DejaVuSans"));
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Beratungsprotokoll");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF (PDF/UA)").isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("de");
        }
    }

    @Test
    void theEnglishProtocolOfAnOpportunityCardCaseHasThePointsTable() throws Exception {
        Map<String, String> cook = Map.ofEntries(
                Map.entry("candidate.citizenships", "IN"),
                Map.entry("candidate.age", "30"),
                Map.entry("candidate.residence", "ABROAD"),
                Map.entry("candidate.germanLevel", "A2"),
                Map.entry("candidate.englishLevel", "B1"),
                Map.entry("candidate.priorStayInGermanyMonths", "0"),
                Map.entry("candidate.monthlyFundsEur", "1.200"),
                Map.entry("candidate.spouseMeetsOpportunityCardRequirements", "false"),
                Map.entry("candidate.spouseApplyingTogether", "false"),
                Map.entry("qualification.level", "VOCATIONAL"),
                Map.entry("qualification.acquiredIn", "ABROAD"),
                Map.entry("qualification.profession", "COOK"),
                Map.entry("qualification.trainingDurationYears", "3"),
                Map.entry("qualification.stateRecognizedInIssuingCountry", "true"),
                Map.entry("qualification.germanChamberAbroadQualification", "false"),
                Map.entry("qualification.recognition", "NOT_STARTED"),
                Map.entry("experience.relevantYearsInLast5", "5"),
                Map.entry("experience.relevantYearsInLast7", "6"),
                Map.entry("jobOffer", "false"),
                Map.entry("goal", "JOB_SEARCH"),
                Map.entry("assessmentDate", "2026-03-09"));
        try (PDDocument document = Loader.loadPDF(pdf(cook, "en"))) {
            String text = text(document);
            assertThat(text).contains("Advice protocol", "Recommendation Opportunity Card", "Points (Opportunity Card)",
                    "Age under 35 2", "Experience: 5 of the last 7 years 3", "German A2 1", "Total 6 needed: at least 6",
                    "Valid passport");
        }
    }
}
