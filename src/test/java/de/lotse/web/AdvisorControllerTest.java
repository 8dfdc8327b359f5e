package de.lotse.web;

import static de.lotse.web.FormCases.indianDeveloper;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import de.lotse.decision.AdviceAssembler;
import de.lotse.decision.DecisionMetrics;
import de.lotse.decision.DecisionMetrics.Channel;
import de.lotse.decision.DecisionService;
import de.lotse.decision.Language;
import de.lotse.knowledge.KnowledgeBase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * The advisor form as a web slice: what the form sends to the decision service, errors next to their fields in the
 * page's language with the input kept, the language switch, CSRF, the result page and the comparison of variants.
 */
class AdvisorControllerTest extends WebSliceTest {

    static MockHttpServletRequestBuilder form(String url, Map<String, String> values) {
        MockHttpServletRequestBuilder request = post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        values.forEach(request::param);
        return request;
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @Test
    void theEmptyFormIsGermanGroupedLikeAConsultationAndProposesToday() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(xpath("/html/@lang").string("de"))
                .andExpect(xpath("//fieldset[@id='section-candidate']/legend/h2").string("Person"))
                .andExpect(xpath("//fieldset[@id='section-jobOffer']/legend/h2").string("Arbeitsplatzangebot"))
                .andExpect(xpath("//label[@for='candidate-age']").string("Alter (Jahre)"))
                .andExpect(xpath("//input[@id='candidate-age']/@aria-describedby").string("candidate-age-help"))
                .andExpect(xpath("//p[@id='candidate-age-help']").exists())
                .andExpect(xpath("//input[@id='assessmentDate']/@value").string("2026-03-09"))
                .andExpect(xpath("//datalist[@id='country-list']/option[@value='Indien (IN)']").exists())
                .andExpect(xpath("//datalist[@id='country-list']/option[@value='Kosovo (XK)']").exists())
                .andExpect(xpath("//select[@id='qualification-profession']/option[@value='NURSE']").string("Pflegefachfrau / Pflegefachmann"))
                .andExpect(xpath("//datalist[@id='isco-list']/option[@value='2512']").exists())
                .andExpect(xpath("//form[@id='case-form']/input[@name='_csrf']").exists());
    }

    @Test
    void langEnSwitchesToEnglishAndACookieKeepsIt() throws Exception {
        var result = mvc.perform(get("/").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(xpath("/html/@lang").string("en"))
                .andExpect(xpath("//label[@for='candidate-age']").string("Age (years)"))
                .andExpect(xpath("//select[@id='qualification-profession']/option[@value='NURSE']").string("Nurse"))
                .andExpect(cookie().value(WebConfiguration.LANGUAGE_COOKIE, "en"))
                .andReturn();
        mvc.perform(get("/").cookie(result.getResponse().getCookie(WebConfiguration.LANGUAGE_COOKIE)))
                .andExpect(xpath("//h1").string("Enter a case"));
        mvc.perform(get("/").param("lang", "fr"))
                .andExpect(xpath("/html/@lang").string("de"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(form("/advice", indianDeveloper())).andExpect(status().isForbidden());
        mvc.perform(form("/advice/pdf", indianDeveloper())).andExpect(status().isForbidden());
        verifyNoInteractions(decisions);
    }

    @Test
    void theFormSendsTheSameRequestAsTheApiAndShowsTheRecommendedPathwayFirst() throws Exception {
        mvc.perform(form("/advice", indianDeveloper()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(xpath("//section[contains(@class,'recommendation')]//a").string("Blaue Karte EU"))
                .andExpect(xpath("//section[@id='pathway-BLUE_CARD']//span[contains(@class,'badge--eligible')]").exists())
                .andExpect(xpath("(//section[contains(@class,'pathways')]/section)[1]/@id").string("pathway-BLUE_CARD"))
                .andExpect(xpath("//section[@id='pathway-BLUE_CARD']//a[@class='law']/@href")
                        .string("https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html"))
                .andExpect(xpath("//section[@id='pathway-BLUE_CARD']//input[@type='checkbox' and @id='doc-BLUE_CARD-PASSPORT']").exists())
                .andExpect(xpath("//label[@for='doc-BLUE_CARD-PASSPORT']").string(containsString("Reisepass")))
                .andExpect(content().string(containsString("Gefordert: 50.700 · angegeben: 52.000 (maßgeblich am 09.03.2026)")))
                .andExpect(xpath("//form[@id='case']/input[@name='jobOffer.annualGrossSalaryEur']/@value").string("52.000"))
                .andExpect(xpath("//form[@id='case']/input[@name='_csrf']").exists())
                .andExpect(content().string(containsString("Orientierungshilfe, keine Rechtsberatung")))
                // the ZAB fee is marked unconfirmed in rules/parameters: the recognition block says so
                .andExpect(xpath("//section[@class='recognition']/div[@class='notes']/ul/li")
                        .string(containsString("Nicht für jedes Jahr bestätigt: Die Gebühr der ZAB")));
        verify(decisions).decide(argThat(facts -> facts.getLanguage() == Language.de
                && facts.getCandidate().getCitizenships().equals(List.of("IN"))
                && facts.getCandidate().getAge() == 31
                && facts.getJobOffer().getAnnualGrossSalaryEur().compareTo(new BigDecimal("52000")) == 0
                && facts.getJobOffer().getIscoCode().equals("2512")
                && facts.getJobOffer().getQualifiedEmployment()
                && facts.getQualification().getProfession().equals("SOFTWARE_DEVELOPER")
                && facts.getAssessmentDate().equals(LocalDate.of(2026, 3, 9))
                && facts.getCandidate().getBirthDate() == null), eq(Channel.FORM));
    }

    @Test
    void thePageLinksWithTheRulesThatDecidedEvenIfAReloadPutAnotherVersionInServiceMeanwhile(@TempDir Path temp)
            throws Exception {
        Path edited = temp.resolve("rules");
        FileSystemUtils.copyRecursively(Path.of("rules"), edited);
        Path acts = edited.resolve("catalogues/acts.yaml");
        Files.writeString(acts, Files.readString(acts).replace("base: https://www.gesetze-im-internet.de/",
                "base: https://laws.example.org/"));
        KnowledgeBase decidedWith = TestKnowledge.load(edited);
        given(decisions.pinned()).willReturn(new DecisionService(() -> decidedWith, new AdviceAssembler(),
                TestKnowledge.CLOCK));
        // the version in service (knowledge.current()) stays the repository's: the page must not take its links

        mvc.perform(form("/advice", indianDeveloper()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(xpath("//section[@id='pathway-BLUE_CARD']//a[@class='law']/@href")
                        .string("https://laws.example.org/aufenthg_2004/__18g.html"))
                .andExpect(content().string(not(containsString("gesetze-im-internet.de/aufenthg_2004/__18g"))));
    }

    @Test
    void anUnmetSalaryShowsTheGapInNumbersAndTheDate() throws Exception {
        mvc.perform(form("/advice", with(with(indianDeveloper(), "jobOffer.annualGrossSalaryEur", "40.000"),
                        "jobOffer.iscoCode", "2421")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(xpath("//section[@id='pathway-BLUE_CARD']//span[contains(@class,'badge--after-steps')]").exists())
                .andExpect(xpath("//section[@id='pathway-BLUE_CARD']//li[contains(@class,'condition--unmet')]//span[@class='gap']")
                        .string(containsString("Gefordert: 50.700 · angegeben: 40.000 · Abstand: 10.700 (maßgeblich am 09.03.2026)")));
    }

    @Test
    void withoutTheJobOfferSwitchTheDetailsAreNotSentAndTheResultSaysSo() throws Exception {
        mvc.perform(form("/advice", with(indianDeveloper(), "jobOffer", "false")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Angaben zum Arbeitsplatzangebot wurden nicht berücksichtigt")));
        verify(decisions).decide(argThat(facts -> facts.getJobOffer() == null), eq(Channel.FORM));
    }

    @Test
    void anImpossibleAgeIsShownNextToTheFieldInGermanAndTheInputIsKept() throws Exception {
        mvc.perform(form("/advice", with(indianDeveloper(), "candidate.age", "200")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("//p[@id='candidate-age-error']").string(containsString("Alter in ganzen Jahren von 0 bis 120")))
                .andExpect(xpath("//input[@id='candidate-age']/@aria-invalid").string("true"))
                .andExpect(xpath("//input[@id='candidate-age']/@aria-describedby").string("candidate-age-help candidate-age-error"))
                .andExpect(xpath("//input[@id='candidate-age']/@value").string("200"))
                .andExpect(xpath("//input[@id='jobOffer-annualGrossSalaryEur']/@value").string("52.000"))
                .andExpect(xpath("//div[@id='error-summary']//a/@href").string("#candidate-age"))
                .andExpect(xpath("//input[@id='candidate-citizenships-0']/@value").string("Indien (IN)"));
        verify(decisions, never()).decide(any(), any());
        verify(decisions).rejected(DecisionMetrics.INVALID_FIELD, Channel.FORM);
    }

    @Test
    void errorsAreInEnglishOnTheEnglishPage() throws Exception {
        mvc.perform(form("/advice", with(indianDeveloper(), "candidate.age", "-1")).param("lang", "en").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("//p[@id='candidate-age-error']").string(containsString("Please enter an age in whole years from 0 to 120")));
    }

    @Test
    void aCountryThatDoesNotExistIsMarkedAtItsInputAndTextThatIsNoNumberAtItsField() throws Exception {
        Map<String, String> values = with(with(indianDeveloper(), "jobOffer.annualGrossSalaryEur", "viel"),
                "candidate.citizenships", "Atlantis");
        MockHttpServletRequestBuilder request = form("/advice", values).with(csrf());
        request.param("candidate.citizenships", "Serbien");
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(xpath("//p[@id='candidate-citizenships-error']").string(containsString("Bitte ein Land aus der Liste wählen")))
                .andExpect(xpath("//input[@id='candidate-citizenships-0']/@aria-invalid").string("true"))
                .andExpect(xpath("//input[@id='candidate-citizenships-1']/@aria-invalid").doesNotExist())
                .andExpect(xpath("//input[@id='candidate-citizenships-1']/@value").string("Serbien"))
                .andExpect(xpath("//p[@id='jobOffer-annualGrossSalaryEur-error']").string(containsString("Betrag in Euro")))
                .andExpect(xpath("count(//div[@id='error-summary']//li)").number(2.0));
        verify(decisions, times(1)).rejected(DecisionMetrics.INVALID_FIELD, Channel.FORM);
        verify(decisions, never()).decide(any(), any());
    }

    @Test
    void aBirthDateThatContradictsTheAgeIsReportedByTheEngineAtTheAgeField() throws Exception {
        mvc.perform(form("/advice", with(indianDeveloper(), "candidate.birthDate", "01.01.1980")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("//p[@id='candidate-age-error']").string(containsString("passen")));
        verify(decisions, times(1)).decide(any(), eq(Channel.FORM));
        verify(decisions, never()).rejected(any(), any());
    }

    @Test
    void anAssessmentDateOutsideTheRulesNamesTheDatesThatAreSupported() throws Exception {
        mvc.perform(form("/advice", with(indianDeveloper(), "assessmentDate", "2023-01-01")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(xpath("//p[@id='assessmentDate-error']").string(containsString("vom 01.03.2024 bis 31.12.2026")));
    }

    @Test
    void changeAnswersReturnsToTheFilledFormWithTheCaseAsPreviousVariant() throws Exception {
        Map<String, String> fromResult = with(indianDeveloper(), "from", "result");
        mvc.perform(form("/edit", fromResult).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(xpath("//input[@id='jobOffer-annualGrossSalaryEur']/@value").string("52.000"))
                .andExpect(xpath("//select[@id='qualification-profession']/option[@selected]/@value").string("SOFTWARE_DEVELOPER"))
                .andExpect(xpath("//input[@id='jobOffer' and @checked]").exists())
                .andExpect(xpath("//input[@name='previousCase']/@value").string(containsString("\"annualGrossSalaryEur\":52000")))
                .andExpect(content().string(containsString("Sie bearbeiten eine Variante")));
    }

    @Test
    void aVariantShowsWhatChangedAgainstThePreviousOne() throws Exception {
        String previous = """
                {"assessmentDate":"2026-03-09","candidate":{"citizenships":["IN"],"age":31,"residence":"ABROAD"},
                 "qualification":{"level":"ACADEMIC","acquiredIn":"ABROAD","profession":"SOFTWARE_DEVELOPER",
                   "academicComparability":"COMPARABLE","graduationDate":"2019-07-15"},
                 "jobOffer":{"annualGrossSalaryEur":40000,"iscoCode":"2421","qualifiedEmployment":true,"matchesQualification":true},
                 "goal":"ANY","language":"de"}""";
        mvc.perform(form("/advice", with(with(indianDeveloper(), "previousCase", previous), "jobOffer.iscoCode", "2421"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(xpath("//section[contains(@class,'comparison')]//table[1]//tr[th='Bruttojahresgehalt (EUR)']/td[1]").string("40.000"))
                .andExpect(xpath("//section[contains(@class,'comparison')]//table[1]//tr[th='Bruttojahresgehalt (EUR)']/td[2]").string("52.000"))
                .andExpect(xpath("//table[@id='changed-outcomes']//tr[th='Blaue Karte EU']/td[1]").string(containsString("Möglich nach Schritten")))
                .andExpect(xpath("//table[@id='changed-outcomes']//tr[th='Blaue Karte EU']/td[2]").string(containsString("Möglich")))
                .andExpect(content().string(containsString("Empfehlung vorher:")));
        verify(decisions, times(1)).decide(any(), eq(Channel.FORM));
        verify(decisions, times(1)).decide(argThat(facts -> facts.getJobOffer().getIscoCode().equals("2421")
                && facts.getJobOffer().getAnnualGrossSalaryEur().compareTo(new BigDecimal("40000")) == 0));
    }

    @Test
    void aPreviousVariantThatCannotBeReadIsIgnored() throws Exception {
        mvc.perform(form("/advice", with(indianDeveloper(), "previousCase", "{\"candidate\": {\"agee\": 3}}")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("vorigen Variante"))));
    }

    @Test
    void theResultLanguageSwitchKeepsTheCaseReadsTheNumbersAsTypedAndAsksTheEngineInEnglish() throws Exception {
        // the German result page posts its hidden case with inputLanguage=de to /advice?lang=en
        mvc.perform(form("/advice", with(indianDeveloper(), "inputLanguage", "de")).param("lang", "en").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(xpath("/html/@lang").string("en"))
                .andExpect(xpath("//section[contains(@class,'recommendation')]//a").string("EU Blue Card"))
                .andExpect(xpath("//button[@formaction='/advice?lang=de']").exists())
                .andExpect(xpath("//form[@id='case']/input[@name='jobOffer.annualGrossSalaryEur']/@value").string("52,000"))
                .andExpect(xpath("//form[@id='case']/input[@name='inputLanguage']/@value").string("en"))
                .andExpect(content().string(containsString("Orientation, not legal advice")));
        verify(decisions).decide(argThat(facts -> facts.getLanguage() == Language.en
                && facts.getJobOffer().getAnnualGrossSalaryEur().compareTo(new BigDecimal("52000")) == 0), eq(Channel.FORM));
    }

    @Test
    void numbersTypedOnAnEnglishPageAreReadTheEnglishWay() throws Exception {
        Map<String, String> english = with(with(indianDeveloper(), "jobOffer.annualGrossSalaryEur", "52,000.50"),
                "experience.relevantYearsInLast5", "2.5");
        mvc.perform(form("/advice", english).param("lang", "en").with(csrf())).andExpect(status().isOk());
        verify(decisions).decide(argThat(facts -> facts.getJobOffer().getAnnualGrossSalaryEur().compareTo(new BigDecimal("52000.50")) == 0
                && facts.getExperience().getRelevantYearsInLast5().compareTo(new BigDecimal("2.5")) == 0), eq(Channel.FORM));
    }

    @Test
    void anUnexpectedFailureShowsTheErrorPageNotJson() throws Exception {
        org.mockito.BDDMockito.willThrow(new IllegalStateException("boom")).given(decisions).decide(any(), any());
        mvc.perform(form("/advice", indianDeveloper()).with(csrf()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(xpath("//h1").string("Das hat nicht geklappt"))
                .andExpect(content().string(containsString("Status 500")));
    }

    @Test
    void aResultAddressOpenedWithoutItsFormStartsANewCase() throws Exception {
        for (String path : List.of("/advice", "/edit", "/advice/pdf")) {
            mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        }
    }
}
