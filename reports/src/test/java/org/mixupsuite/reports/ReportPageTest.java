package org.mixupsuite.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixupsuite.reports.ReportFixtures.condition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.charts.Charts;
import org.mixupsuite.core.charts.Palette;

/** The report as a reader sees it: rendered by headless Chromium, every image loaded, the tables there. */
class ReportPageTest {

    @TempDir
    Path tmp;

    private Path runsWithOneOfEverything() throws IOException {
        Path runs = tmp.resolve("runs");
        Path first = ReportFixtures.run(runs, "corrupt-labels", "20260101-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "test_error_last", 45.0), condition("mixup", 0.5, "test_error_last", 24.0)));
        ReportFixtures.run(runs, "corrupt-labels", "20260102-000000-seed0", "quick", List.of(
                condition("erm", 0.5, "test_error_last", 44.0), condition("mixup", 0.5, "test_error_last", 23.0)));
        Charts.savePng(Charts.line("a study chart", "epoch", "error (%)",
                List.of(Charts.Series.of("ERM", Palette.ERM, new double[] {1, 2}, new double[] {3, 4})), List.of()),
                first.resolveSibling("20260102-000000-seed0").resolve("test-error-c50.png"));
        Path latest = first.resolveSibling("20260102-000000-seed0").resolve("metrics.json");
        Map<String, Object> metrics = Json.readObject(latest);
        metrics.put("findings", List.of(Map.of("id", "c50-last", "claim", "mixup's last-epoch test error is lower than ERM's",
                "paper", "last ERM 44.6, mixup 12.7", "comparison", "test_error_last: mixup − erm", "effect", -21.0,
                "ci_low", -25.5, "ci_high", -16.5, "seeds", 3, "verdict", "reproduced", "indicative", "reproduced")));
        Json.write(latest, metrics);
        Files.createDirectories(runs.resolve("corrupt-labels").resolve("20260103-000000-seed0"));
        Files.writeString(runs.resolve("corrupt-labels").resolve("20260103-000000-seed0").resolve("config.json"), "{}");
        Path broken = runs.resolve("gan").resolve("20260101-000000-seed0");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("config.json"), "{}");
        Files.writeString(broken.resolve("metrics.json"), "{ not json");
        return runs;
    }

    @Test
    void pageListsRunsAndSkipsHalfWrittenOnesWithTheReason() throws IOException {
        Path runs = runsWithOneOfEverything();
        Path page = tmp.resolve("out").resolve("index.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, new ReportCommand().run(new String[] {"--runs", runs.toString(), "--out", page.toString()},
                new PrintStream(out), System.err));
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"corrupt-labels\""));
        int findings = html.indexOf("id=\"findings\"");
        assertTrue(findings > 0 && findings < html.indexOf("<h2 id=\"corrupt-labels\""), "the page opens with the findings");
        assertTrue(html.contains("test_error_last: mixup − erm = -21.00 [-25.50, -16.50], 3 seeds"), "effect and interval");
        assertEquals(1, html.split("<table class=\"findings\"", -1).length - 1, "one findings table, at the top");
        assertTrue(html.contains("<figure><a href=\"") && html.contains("\"><img src=\""), "each chart links to its image");
        assertTrue(html.contains("<th class=\"text\">condition</th>"), "settings folded into one wrapping column");
        assertTrue(html.contains("<td class=\"text reproduced\">reproduced"), "the verdict, coloured by its class");
        assertTrue(html.contains("unfinished or interrupted"), "a run without metrics.json is listed as skipped");
        assertTrue(html.contains("not readable JSON"), "a broken metrics.json is listed as skipped");
        assertTrue(Files.isRegularFile(page.resolveSibling("charts").resolve("corrupt-labels-quick-test-error-last.png")));
        assertTrue(out.toString().contains("2 finished run(s), 2 skipped"), out.toString());
    }

    @Tag("slow") // opens the page in headless Chromium (installs it if missing)
    @Test
    void everyImageLoadsInHeadlessChromium() throws Exception {
        Path runs = runsWithOneOfEverything();
        Path page = ReportCommand.write(runs, tmp.resolve("site").resolve("index.html"));
        String dom = chromiumDom(page);
        Matcher m = Pattern.compile("data-images=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the page's load script did not run:\n" + dom.substring(0, Math.min(dom.length(), 2000)));
        assertTrue(Integer.parseInt(m.group(2)) >= 2, "the study chart and the comparison charts are shown");
        assertEquals(m.group(2), m.group(1), "images loaded / images on the page");
        assertTrue(dom.contains("<table"), "metrics tables are rendered");
        assertTrue(!dom.contains("<div class=\"broken\">"), "a missing-image note was shown");
        assertTrue(dom.contains("data-fits=\"yes\""), "at 1400 px the page fits its width");
        // a phone's width: tables scroll inside their own box, the page itself does not run off the screen
        String phone = chromiumDom(page, 390);
        assertTrue(phone.contains("data-fits=\"yes\""), "at 390 px the page runs off the screen");
    }

    static String chromiumDom(Path page) throws Exception {
        return chromiumDom(page, 1400);
    }

    /** The DOM after load in a window {@code width} px wide, from Debian's Chromium (installed if missing). */
    static String chromiumDom(Path page, int width) throws Exception {
        Path installer = Path.of("..", "data-scripts", "install-chromium.sh");
        Process install = new ProcessBuilder("bash", installer.toString()).inheritIO().start();
        assertEquals(0, install.waitFor(), "could not install chromium with " + installer);
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--virtual-time-budget=10000",
                "--window-size=" + width + ",1000", "--dump-dom",
                page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        return dom;
    }
}
