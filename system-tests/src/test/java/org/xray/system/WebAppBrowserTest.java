package org.xray.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page (docs/web-app.md) in real headless Chromium against the running system: an uploaded hand radiograph
 * gets its score, heat map and alert; an image no model serves shows its rejection; a DICOM original is rendered by
 * the server; the live feed lists uploads; the models view draws the model's ROC curve; a refused token is said so.
 * Debian's chromium and chromedriver only (bin/test installs them): nothing is downloaded. Screenshots of each
 * section go to target/screenshots.
 */
class WebAppBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // Generous: the first image of a run may wait for the scorer to load the model; the page itself waits 3 min.
    private static final Duration RESULT_WAIT = Duration.ofMinutes(4);
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);

    private static RunningSystem system;
    private static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() throws IOException {
        assertThat(List.of(CHROMIUM, CHROMEDRIVER)).as("Debian's chromium and chromium-driver (bin/test installs them)")
                .allMatch(Files::isExecutable);
        system = RunningSystem.shared();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                // tall enough that each section's screenshot shows all of it
                "--window-size=1280,2400");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadedImageShowsItsScoreAndHeatMap() {
        open(system.apiToken());
        try {
            upload(system.abnormalHandPngFile(), "XR_HAND");
            waitUpTo(RESULT_WAIT).until(d -> stepState("scored").equals("done"));

            double score = number("result-score");
            double threshold = number("result-threshold");
            assertThat(score).as("the abnormal hand scores above the model's threshold").isGreaterThan(threshold);
            assertThat(browser.findElements(By.cssSelector("#result-gauge .gauge-fill.anomalous")))
                    .as("the gauge draws the score as over the threshold").hasSize(1);
            assertThat(loadedWidth("result-preprocessed")).isPositive();
            assertThat(loadedWidth("result-reconstruction")).isPositive();
            waitUpTo(PAGE_WAIT).until(d -> "true".equals(element("result-heatmap").getDomAttribute("data-drawn")));
            assertThat(colouredShareOfHeatMap()).as("share of the heat map canvas in colour (the residual overlay)")
                    .isGreaterThan(0.01);

            waitUpTo(PAGE_WAIT).withMessage(() -> "alert state: " + element("result-alert").getText())
                    .until(d -> "raised".equals(element("result-alert").getDomAttribute("data-state")));
            assertThat(element("result-alert").getText()).startsWith("ALERT");
        } finally {
            screenshot("upload", "uploaded-image-result");
        }
    }

    @Test
    void imageOfAPartWithoutModelIsShownRejectedWithItsReason(@TempDir Path dir) throws IOException {
        Path normalHand = Files.write(dir.resolve("normal-hand.png"), system.normalHandPng());
        open(system.apiToken());
        try {
            upload(normalHand, ""); // a PNG without a body part is UNKNOWN, and no model scores UNKNOWN
            waitUpTo(RESULT_WAIT).until(d -> stepState("scored").equals("failed"));
            assertThat(element("result-message").getText()).startsWith("Rejected (no-model)");
            assertThat(stepState("preprocessed")).isEqualTo("done");
            assertThat(loadedWidth("result-preprocessed")).isPositive();
            assertThat(element("result-verdict").isDisplayed()).as("a score panel without a score").isFalse();
        } finally {
            screenshot("upload", "rejected-image");
        }
    }

    @Test
    void dicomOriginalIsShownAsTheServerRendersIt() {
        open(system.apiToken());
        try {
            upload(system.newAbnormalHandDicomFile(), ""); // its BodyPartExamined says HAND
            waitUpTo(PAGE_WAIT).until(d -> loadedWidth("result-original") > 0);
            waitUpTo(RESULT_WAIT).until(d -> stepState("scored").equals("done"));
            assertThat(element("result-ids").getText()).contains("XR_HAND", "DICOM");
        } finally {
            screenshot("upload", "dicom-image");
        }
    }

    @Test
    void liveFeedListsTheUploadedImage() {
        open(system.apiToken());
        try {
            waitUpTo(PAGE_WAIT).until(d -> element("feed-status").getText().equals("live"));
            upload(system.abnormalHandPngFile(), "XR_HAND");
            String imageId = waitUpTo(PAGE_WAIT).until(d -> element("result").getDomAttribute("data-image-id"));

            By scoreRow = By.cssSelector("#feed-table tbody tr[data-kind='score'][data-image-id='" + imageId + "']");
            WebElement row = waitUpTo(RESULT_WAIT).until(d -> d.findElements(scoreRow).stream().findFirst()
                    .orElse(null));
            assertThat(row.getText()).contains("Hand", "anomalous");
            assertThat(barHeight("XR_HAND", "scored")).as("the hand's bar of scored images").isPositive();
        } finally {
            screenshot("feed", "live-feed");
        }
    }

    @Test
    void modelsViewShowsTheCurrentModelWithItsRocCurve() {
        open(system.apiToken());
        try {
            By currentVersion = By.cssSelector("#models [data-testid='model-version'][data-status='CURRENT']");
            WebElement version = waitUpTo(PAGE_WAIT).until(d -> d.findElements(currentVersion).stream().findFirst()
                    .orElse(null));
            WebElement curve = version.findElement(By.cssSelector("[data-testid='roc-curve']"));
            assertThat(curve.getDomAttribute("points").trim().split("\\s+")).as("points of the drawn ROC curve")
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(version.findElement(By.cssSelector(".legend")).getText()).contains("AUC");
        } finally {
            screenshot("models", "model-versions");
        }
    }

    @Test
    void refusedTokenIsReportedAndAnotherAskedFor() {
        open("not-" + system.apiToken());
        try {
            waitUpTo(PAGE_WAIT).until(d -> element("auth-message").isDisplayed());
            assertThat(element("auth-message").getText()).contains("403");
            assertThat(element("token-input").isDisplayed()).isTrue();
        } finally {
            screenshot(null, "refused-token");
        }
    }

    /** Opens the page with the token in the fragment, which the page must take and then drop from the address. */
    private static void open(String token) {
        browser.get("about:blank"); // from the page's own address, a new fragment alone would not reload it
        browser.get(system.ingestUrl().resolve("/") + "#token=" + token);
        waitUpTo(PAGE_WAIT).until(d -> !d.getCurrentUrl().contains("token="));
    }

    /** Uploads the file as this body part ("" lets ingest take it from DICOM, or use UNKNOWN). */
    private static void upload(Path file, String bodyPart) {
        element("upload-file").sendKeys(file.toAbsolutePath().normalize().toString()); // chromedriver: no ".."
        new Select(element("upload-body-part")).selectByValue(bodyPart);
        element("upload-button").click();
    }

    /** A wait whose timeout message says what the page showed: its upload, feed and models status lines. */
    private static WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.withMessage(() -> String.format("page said: upload '%s', feed '%s', models '%s'",
                element("result-message").getText(), element("feed-status").getText(),
                element("models-message").getText()));
        return wait;
    }

    private static WebElement element(String id) {
        return browser.findElement(By.id(id));
    }

    private static String stepState(String stage) {
        return browser.findElement(By.cssSelector("#result-stage [data-stage='" + stage + "']")).getDomAttribute(
                "data-state");
    }

    /** The unrounded number the element shows (its data-value), after checking that it shows one. */
    private static double number(String id) {
        assertThat(element(id).getText()).as("#" + id).matches("-?[0-9.e+-]+");
        return Double.parseDouble(element(id).getDomAttribute("data-value"));
    }

    private static long loadedWidth(String imageId) {
        return (Long) script("return arguments[0].naturalWidth", element(imageId));
    }

    /** The share of the canvas's pixels that are not gray: the preprocessed image is gray, the colour map is not. */
    private static double colouredShareOfHeatMap() {
        return ((Number) script("""
                const canvas = arguments[0];
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let coloured = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                  const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
                  if (Math.max(r, g, b) - Math.min(r, g, b) > 8) coloured++;
                }
                return coloured / (pixels.length / 4);""", element("result-heatmap"))).doubleValue();
    }

    private static double barHeight(String bodyPart, String series) {
        return Double.parseDouble(browser.findElement(By.cssSelector(
                "#feed-chart [data-body-part='" + bodyPart + "'] rect.series-" + series)).getDomAttribute("height"));
    }

    private static Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /**
     * Saves the section with this id (the whole window when null) as target/screenshots/{name}.png. Called in
     * finally blocks, so a failure to take it is reported without hiding the test's own failure.
     */
    private static void screenshot(String sectionId, String name) {
        try {
            byte[] png = sectionId == null
                    ? browser.getScreenshotAs(OutputType.BYTES)
                    : element(sectionId).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException | WebDriverException e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }
}
