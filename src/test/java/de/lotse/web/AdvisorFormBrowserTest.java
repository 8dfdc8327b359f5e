package de.lotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The advisor form in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/test-setup.sh; no browser download): three consultations are typed in as an advisor would — an EU Blue
 * Card, an Opportunity Card by points, the Western Balkans regulation — with a variant, the language switch, an error
 * and the narrow screen. Screenshots go to ${lotse.build.dir}/screenshots. Skipped when chromedriver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdvisorFormBrowserTest {

    private static final File CHROMEDRIVER = new File(System.getProperty("lotse.chromedriver", "/usr/bin/chromedriver"));
    private static final File CHROMIUM = new File(System.getProperty("lotse.chromium", "/usr/bin/chromium"));

    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path userDataDir;
    private static Path screenshots;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean browser = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
        String skipped = "Browser test skipped: " + CHROMEDRIVER + " or " + CHROMIUM + " is missing."
                + " Run scripts/test-setup.sh (installs Debian's chromium and chromium-driver).";
        if (!browser) {
            LoggerFactory.getLogger(AdvisorFormBrowserTest.class).warn(skipped); // surefire does not print the reason
        }
        Assumptions.assumeTrue(browser, skipped);
        userDataDir = Files.createTempDirectory("lotse-chromium");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=de-DE", "--window-size=1280,1000", "--user-data-dir=" + userDataDir);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        screenshots = Path.of(System.getProperty("lotse.build.dir", "target"), "screenshots");
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (userDataDir != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(userDataDir);
        }
    }

    @BeforeEach
    void wideWindowAndGermanStart() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        open("/?lang=de");
    }

    // --- the three consultations ---------------------------------------------------------------------------------

    @Test
    void anIndianSoftwareDeveloperGetsTheBlueCardAndALowerSalaryVariantShowsTheGap() {
        type("candidate-citizenships-0", "Indien (IN)");
        type("candidate-age", "31");
        choose("candidate-residence", "ABROAD");
        choose("qualification-level", "ACADEMIC");
        choose("qualification-acquiredIn", "ABROAD");
        choose("qualification-profession", "SOFTWARE_DEVELOPER");
        choose("qualification-academicComparability", "COMPARABLE");
        date("qualification-graduationDate", "2019-07-15");
        assertThat(byId("jobOffer-annualGrossSalaryEur").isDisplayed()).as("job details hidden while 'no job offer'").isFalse();
        click("jobOffer");
        type("jobOffer-annualGrossSalaryEur", "52.000");
        assertThat(byId("jobOffer-iscoCode").getAttribute("value")).as("ISCO suggested by the profession").isEqualTo("2512");
        click("jobOffer-qualifiedEmployment");
        click("jobOffer-matchesQualification");
        date("assessmentDate", "2026-03-09");
        screenshot("01-blue-card-form");
        submit();

        assertThat(text(".recommendation__main")).contains("Blaue Karte EU").contains("Möglich");
        WebElement card = driver.findElement(By.id("pathway-BLUE_CARD"));
        assertThat(card.findElement(By.cssSelector(".badge")).getText()).contains("Möglich");
        assertThat(card.getText()).contains("Gefordert: 50.700 · angegeben: 52.000 (maßgeblich am 09.03.2026)",
                "Gültiger Reisepass", "Hochschulabschlusszeugnis", "Keine Zustimmung der Bundesagentur für Arbeit nötig");
        assertThat(card.findElement(By.cssSelector("a.law")).getAttribute("href"))
                .isEqualTo("https://www.gesetze-im-internet.de/aufenthg_2004/__18g.html");
        WebElement passport = driver.findElement(By.id("doc-BLUE_CARD-PASSPORT"));
        passport.sendKeys(Keys.SPACE);
        assertThat(passport.isSelected()).as("checklist box ticked with the keyboard").isTrue();
        screenshot("02-blue-card-result");
        String printed = print("02-blue-card-print");
        assertThat(printed).as("the print stylesheet leaves out navigation and buttons")
                .contains("Ergebnis der Beratung", "Gültiger Reisepass", "Angaben zum Fall")
                .doesNotContain("Angaben ändern", "Protokoll als PDF", "Zum Inhalt springen");

        clickAndWait(driver.findElement(By.id("edit-answers")));
        assertThat(byId("jobOffer-annualGrossSalaryEur").getAttribute("value")).isEqualTo("52.000");
        assertThat(text(".notice")).contains("Variante");
        replace("jobOffer-annualGrossSalaryEur", "40.000");
        replace("jobOffer-iscoCode", "2421");
        submit();

        assertThat(text(".comparison")).contains("Bruttojahresgehalt (EUR)", "52.000", "40.000");
        assertThat(driver.findElement(By.id("changed-outcomes")).getText()).contains("Blaue Karte EU", "Möglich nach Schritten");
        assertThat(driver.findElement(By.id("pathway-BLUE_CARD")).getText())
                .contains("Gefordert: 50.700 · angegeben: 40.000 · Abstand: 10.700 (maßgeblich am 09.03.2026)");
        screenshot("03-blue-card-variant");
    }

    @Test
    void aCookAged30WithGermanA2ReachesTheOpportunityCardBySixPointsInEnglishAndTheSwitchKeepsTheCase() {
        open("/?lang=en");
        assertThat(driver.findElement(By.cssSelector("label[for='candidate-age']")).getText()).isEqualTo("Age (years)");
        type("candidate-citizenships-0", "India");
        type("candidate-age", "30");
        choose("candidate-residence", "ABROAD");
        choose("candidate-germanLevel", "A2");
        choose("candidate-englishLevel", "B1");
        type("candidate-priorStayInGermanyMonths", "0");
        type("candidate-monthlyFundsEur", "1,200");
        click("candidate-spouseMeetsOpportunityCardRequirements-no");
        click("candidate-spouseApplyingTogether-no");
        choose("qualification-level", "VOCATIONAL");
        choose("qualification-acquiredIn", "ABROAD");
        choose("qualification-profession", "COOK");
        type("qualification-trainingDurationYears", "3");
        click("qualification-stateRecognizedInIssuingCountry");
        click("qualification-germanChamberAbroadQualification-no");
        choose("qualification-recognition", "NOT_STARTED");
        type("experience-relevantYearsInLast5", "5");
        type("experience-relevantYearsInLast7", "6");
        choose("goal", "JOB_SEARCH");
        date("assessmentDate", "2026-03-09");
        submit();

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text(".recommendation__main")).contains("Opportunity Card").contains("Eligible");
        WebElement card = driver.findElement(By.id("pathway-OPPORTUNITY_CARD"));
        List<String> rows = card.findElements(By.cssSelector(".points__table tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("Age under 35 2"))
                .anySatisfy(r -> assertThat(r).startsWith("Experience: 5 of the last 7 years 3"))
                .anySatisfy(r -> assertThat(r).startsWith("German A2 1"));
        assertThat(card.findElement(By.cssSelector(".points__table tfoot")).getText()).contains("Total 6", "at least 6");
        assertThat(card.getText()).contains("Valid passport", "Proof of health insurance");
        screenshot("04-opportunity-card-en");

        clickAndWait(driver.findElement(By.cssSelector(".lang-switch button[lang='de']")));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(text(".recommendation__main")).contains("Chancenkarte").contains("Möglich");
        assertThat(driver.findElement(By.cssSelector("#pathway-OPPORTUNITY_CARD .points__table tfoot")).getText()).contains("Summe 6");
        assertThat(text(".case-summary")).contains("Nachweisbare Mittel pro Monat (EUR)", "1.200");
        screenshot("05-opportunity-card-de");
    }

    @Test
    void aSerbianKitchenHelperWithAJobOfferCanWorkUnderTheWesternBalkansRegulation() {
        type("candidate-citizenships-0", "Serbien");
        type("candidate-age", "30");
        choose("candidate-residence", "ABROAD");
        choose("qualification-level", "NONE");
        click("jobOffer");
        type("jobOffer-annualGrossSalaryEur", "30000");
        type("jobOffer-iscoCode", "9412");
        click("jobOffer-qualifiedEmployment-no");
        click("jobOffer-matchesQualification-no");
        date("assessmentDate", "2026-03-09");
        submit();

        assertThat(text(".recommendation__main")).contains("Westbalkanregelung").contains("Möglich");
        WebElement card = driver.findElement(By.id("pathway-WESTERN_BALKANS"));
        assertThat(card.getText()).contains("Zustimmung der Bundesagentur für Arbeit nötig", "Gültiger Reisepass",
                "Vorabzustimmung der Bundesagentur für Arbeit");
        assertThat(card.findElements(By.cssSelector(".steps li"))).isNotEmpty();
        WebElement closed = driver.findElement(By.cssSelector("details.closed-pathway"));
        assertThat(closed.getAttribute("open")).isNull();
        closed.findElement(By.tagName("summary")).click();
        assertThat(closed.getAttribute("open")).isNotNull();
        screenshot("06-western-balkans");
    }

    // --- errors, narrow screens, the rules page ------------------------------------------------------------------

    @Test
    void anImpossibleAgeIsShownNextToTheFieldAndTheFocusMovesToTheListOfErrors() {
        type("candidate-citizenships-0", "Atlantis");
        type("candidate-age", "200");
        submit();
        WebElement summary = driver.findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("Bitte prüfen Sie diese Angaben", "Alter in ganzen Jahren", "Land aus der Liste");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
        assertThat(byId("candidate-age").getAttribute("value")).isEqualTo("200");
        assertThat(byId("candidate-age").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("candidate-age-error")).getText()).contains("0 bis 120");
        summary.findElement(By.cssSelector("a[href='#candidate-age']")).click();
        assertThat(driver.getCurrentUrl()).endsWith("#candidate-age");
        screenshot("07-errors");
    }

    @Test
    void theFormAndAResultFitA320PixelScreen() {
        driver.manage().window().setSize(new Dimension(320, 800));
        open("/?lang=de");
        assertThat(scrollWidth()).as("no horizontal scrolling at 320 px").isLessThanOrEqualTo(viewportWidth());
        screenshot("08-form-320px");
        type("candidate-citizenships-0", "XK");
        type("candidate-age", "28");
        click("jobOffer");
        type("jobOffer-annualGrossSalaryEur", "32.000");
        date("assessmentDate", "2026-03-09");
        submit();
        assertThat(text(".recommendation")).contains("Westbalkanregelung");
        assertThat(scrollWidth()).as("no horizontal scrolling at 320 px").isLessThanOrEqualTo(viewportWidth());
        screenshot("09-result-320px");
    }

    @Test
    void theRulesPageShowsTheVersionInService() {
        open("/rules");
        assertThat(driver.findElement(By.id("rules-version")).getText()).startsWith("sha256:");
        assertThat(driver.findElement(By.id("parameter-blue-card-general-threshold")).getText()).contains("50.700");
        screenshot("10-rules");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private static void type(String id, String text) {
        byId(id).sendKeys(text);
    }

    private static void replace(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    private static void choose(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    private static void click(String id) {
        byId(id).click();
    }

    /** Date inputs are typed in the browser's locale format; setting the value is what every locale agrees on. */
    private static void date(String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", byId(id), isoDate);
    }

    private static void submit() {
        clickAndWait(driver.findElement(By.cssSelector("#case-form button[type='submit']")));
    }

    /** Clicks something that loads a new page and waits until the new page is there. */
    private static void clickAndWait(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState;")));
    }

    private static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    private static long viewportWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth;")).longValue();
    }

    /** The page as the browser prints it (A4, print stylesheet), saved as PDF; answers the printed text. */
    private static String print(String name) {
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setBackground(true);
        byte[] pdf = java.util.Base64.getDecoder().decode(((PrintsPage) driver).print(options).getContent());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Files.write(screenshots.resolve(name + ".pdf"), pdf);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new IllegalStateException("print " + name, e);
        }
    }

    /** The whole page: the window grows to the page's height for the picture. */
    private static void screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);")).longValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 100, 12_000)));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        try {
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }
}
