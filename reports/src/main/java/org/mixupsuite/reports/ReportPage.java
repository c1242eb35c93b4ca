package org.mixupsuite.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The static HTML index: per study the latest run's settings, charts and metrics table, the
 * comparison charts across runs, every run listed, and the folders that were skipped. Image paths
 * are relative, so the page opens from disk and survives moving the reports folder.
 */
final class ReportPage {

    /** Metrics tables longer than this are folded under a summary line. */
    private static final int FOLD_ROWS = 24;

    private final Path page;
    private final StringBuilder html = new StringBuilder();

    ReportPage(Path page) {
        this.page = page;
    }

    String render(RunCatalog catalog, Map<String, Map<String, Path>> comparisons, Path runs) throws IOException {
        Map<String, List<FinishedRun>> byStudy = catalog.byStudy();
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>mixup robustness suite: report</title>
                <style>
                body { font-family: sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
                h1 { margin-bottom: 0.2em; } h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 2em; }
                table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
                th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
                td.condition { text-align: left; max-width: 22em; }
                th { background: #f0f4f8; } td.text, th.text { text-align: left; }
                figure { display: block; margin: 0.8em 0; max-width: 960px; }
                figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
                figcaption { font-size: 0.85em; color: #555; }
                .meta { color: #555; font-size: 0.9em; } .broken { color: #b00; font-weight: bold; }
                nav a { margin-right: 1em; } .wide { overflow-x: auto; }
                summary { cursor: pointer; color: #0072B2; margin: 0.6em 0; }
                """).append(FindingsTable.STYLE).append("</style></head><body>\n");
        html.append("<h1>mixup robustness suite: report</h1>\n<p class=\"meta\">generated ")
                .append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19))
                .append(" from ").append(Format.html(runs.toAbsolutePath())).append(": ")
                .append(catalog.finished().size()).append(" finished run(s), ")
                .append(catalog.skipped().size()).append(" skipped</p>\n<nav>");
        for (String study : byStudy.keySet()) {
            html.append("<a href=\"#").append(study).append("\">").append(study).append("</a>");
        }
        html.append("</nav>\n");
        findings(byStudy);
        if (byStudy.isEmpty()) {
            html.append("<p>No finished runs yet: run a study (<code>./mixup --help</code> lists them) or <code>./mixup demo</code>.</p>\n");
        }
        for (Map.Entry<String, List<FinishedRun>> e : byStudy.entrySet()) {
            study(e.getKey(), e.getValue(), comparisons.getOrDefault(e.getKey(), Map.of()));
        }
        if (!catalog.skipped().isEmpty()) {
            html.append("<h2 id=\"skipped\">Skipped folders</h2>\n<div class=\"wide\"><table><tr><th class=\"text\">folder</th><th class=\"text\">reason</th></tr>\n");
            for (RunCatalog.Skipped s : catalog.skipped()) {
                html.append("<tr><td class=\"text\">").append(Format.html(runs.relativize(s.dir()))).append("</td><td class=\"text\">")
                        .append(Format.html(s.reason())).append("</td></tr>\n");
            }
            html.append("</table></div>\n");
        }
        // marks every image that failed to load, for readers and for the page test
        html.append("""
                <script>
                window.addEventListener('load', function () {
                  var imgs = document.querySelectorAll('img'), ok = 0;
                  imgs.forEach(function (img) {
                    var loaded = img.complete && img.naturalWidth > 0;
                    img.setAttribute('data-state', loaded ? 'loaded' : 'broken');
                    if (loaded) { ok++; } else {
                      var note = document.createElement('div');
                      note.className = 'broken';
                      note.textContent = 'image missing: ' + img.getAttribute('src');
                      img.parentNode.insertBefore(note, img);
                    }
                  });
                  document.body.setAttribute('data-images', ok + '/' + imgs.length);
                  // whether the page fits its window's width (wide tables scroll in their own box)
                  document.body.setAttribute('data-fits',
                      document.documentElement.scrollWidth <= window.innerWidth + 1 ? 'yes' : 'no');
                });
                </script>
                </body></html>
                """);
        return html.toString();
    }

    /** The page opens with every study's claims: the latest run's verdicts, study by study. */
    private void findings(Map<String, List<FinishedRun>> byStudy) {
        List<Map.Entry<String, Map<String, Object>>> rows = new ArrayList<>();
        for (Map.Entry<String, List<FinishedRun>> e : byStudy.entrySet()) {
            FinishedRun latest = e.getValue().get(e.getValue().size() - 1);
            latest.findings().forEach(f -> rows.add(Map.entry(e.getKey(), f)));
        }
        if (rows.isEmpty()) {
            return;
        }
        html.append("<h2 id=\"findings\">Findings: does the paper's claim hold here?</h2>\n<p class=\"meta\">From each "
                + "study's latest run. Verdicts come from the per-seed paired differences, tested with Holm's adjustment "
                + "over the study's claims: reproduced when the difference lies beyond zero the claimed way and reaches the "
                + "claim's margin, contradicted when it lies beyond zero the other way or inside the margin, "
                + "inconclusive otherwise (docs/findings.md). Fewer than 3 seeds give no verdict, only a direction (italic)."
                + "</p>\n");
        FindingsTable.append(html, rows, true);
    }

    private void study(String study, List<FinishedRun> runs, Map<String, Path> comparisons) throws IOException {
        FinishedRun latest = runs.get(runs.size() - 1);
        html.append("<h2 id=\"").append(study).append("\">").append(study).append("</h2>\n");
        html.append("<p class=\"meta\">latest run <b>").append(Format.html(latest.id())).append("</b>: ")
                .append(Format.html(keySettings(latest))).append("</p>\n");
        if (!latest.findings().isEmpty()) {
            // the claims are in the one table at the top; repeating them here pushed every chart down the page
            html.append("<p class=\"meta\">").append(latest.findings().size())
                    .append(" claims: in the <a href=\"#findings\">findings table</a> at the top.</p>\n");
        }
        for (Path chart : charts(latest.dir())) {
            figure(chart, chart.getFileName().toString().replace(".png", "").replace('-', ' '));
        }
        metricsTable(latest);
        if (!comparisons.isEmpty()) {
            html.append("<h3>Across runs</h3>\n");
            for (Map.Entry<String, Path> c : comparisons.entrySet()) {
                figure(c.getValue(), c.getKey());
            }
        }
        html.append("<h3>All runs</h3>\n<div class=\"wide\"><table><tr><th class=\"text\">run</th><th class=\"text\">settings</th></tr>\n");
        for (FinishedRun r : runs) {
            html.append("<tr><td class=\"text\">").append(Format.html(r.id())).append("</td><td class=\"text\">")
                    .append(Format.html(keySettings(r))).append("</td></tr>\n");
        }
        html.append("</table></div>\n");
    }

    private void metricsTable(FinishedRun run) {
        Set<String> settingKeys = run.settingKeys();
        List<String> settings = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        for (Map<String, Object> c : run.conditions()) {
            for (String k : c.keySet()) {
                boolean derived = k.endsWith("_ci95") || k.endsWith("_mean") || k.endsWith("_per_seed")
                        || k.equals("status_per_seed") || k.equals("message");
                List<String> target = settingKeys.contains(k) || k.equals("status") ? settings : figures;
                if (!derived && !target.contains(k)) {
                    target.add(k);
                }
            }
        }
        // a long table (the adversarial study has one row per model, attack, epsilon and box) is
        // folded, so the charts of the studies below stay within reach
        boolean fold = run.conditions().size() > FOLD_ROWS;
        if (fold) {
            html.append("<details><summary>metrics of the latest run (").append(run.conditions().size())
                    .append(" rows)</summary>\n");
        }
        // the settings share one column that wraps (key=value, ...), so the figures fit the page's width
        html.append("<div class=\"wide\"><table><tr><th class=\"text\">condition</th>");
        figures.forEach(k -> html.append("<th>").append(Format.html(k.replace('_', ' '))).append("</th>"));
        html.append("</tr>\n");
        for (Map<String, Object> c : run.conditions()) {
            html.append("<tr><td class=\"condition\">");
            List<String> parts = new ArrayList<>();
            settings.stream().filter(k -> c.get(k) != null && !(k.equals("status") && "complete".equals(c.get(k))))
                    .forEach(k -> parts.add(k + "=" + Format.value(c.get(k))));
            html.append(Format.html(String.join(", ", parts))).append("</td>");
            for (String k : figures) {
                html.append("<td>").append(c.get(k) == null ? "" : Format.html(Format.value(c.get(k))));
                if (c.get(k + "_ci95") instanceof Number ci) {
                    html.append(" ± ").append(Format.html(Format.value(ci.doubleValue())));
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table></div>\n");
        if (fold) {
            html.append("</details>\n");
        }
    }

    /** A chart at the page's width (it is drawn at about that size), linked to the image itself. */
    private void figure(Path image, String caption) {
        String src = page.toAbsolutePath().getParent().relativize(image.toAbsolutePath()).toString().replace('\\', '/');
        html.append("<figure><a href=\"").append(Format.html(src)).append("\"><img src=\"").append(Format.html(src))
                .append("\" alt=\"").append(Format.html(caption)).append("\"></a><figcaption>").append(Format.html(caption))
                .append("</figcaption></figure>\n");
    }

    @SuppressWarnings("unchecked")
    static String keySettings(FinishedRun run) {
        Map<String, Object> c = run.config();
        List<String> parts = new ArrayList<>();
        parts.add("scale " + c.get("scale"));
        parts.add("seeds " + c.get("seeds"));
        if (c.get("settings") instanceof Map<?, ?> s && ((Map<String, Object>) s).get("data") instanceof Map<?, ?> d) {
            Object name = d.get("name") != null ? d.get("name")
                    : d.get("path") != null ? Path.of(String.valueOf(d.get("path"))).getFileName() : null;
            if (name != null) {
                parts.add("data " + name);
            }
        }
        if (c.get("environment") instanceof Map<?, ?> env) {
            parts.add("commit " + env.get("git_commit"));
            parts.add("suite " + env.get("suite_version"));
        }
        parts.add(run.conditions().size() + " condition rows");
        return String.join(", ", parts);
    }

    /**
     * A run's PNGs, plots before picture grids: ordered by height over width (a line or bar chart is
     * wider than tall, a grid of example images or scatter snapshots is not), then by name.
     */
    private static List<Path> charts(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> pngs = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
            Map<Path, Double> shape = new HashMap<>();
            for (Path p : pngs) {
                shape.put(p, aspect(p));
            }
            return pngs.stream().sorted(Comparator.comparing(shape::get)).toList();
        }
    }

    /** Height over width from the PNG header; an unreadable image sorts last (and shows as broken). */
    private static double aspect(Path png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                return Double.MAX_VALUE;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return (double) reader.getHeight(0) / reader.getWidth(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return Double.MAX_VALUE;
        }
    }
}
