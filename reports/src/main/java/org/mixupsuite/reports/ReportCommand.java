package org.mixupsuite.reports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.mixupsuite.core.cli.Command;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.run.AtomicFiles;

/** {@code ./mixup report}: the HTML index and comparison charts over every finished run. */
public final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String summary() {
        return "comparison charts and an HTML index over finished runs (reports/index.html)";
    }

    private static Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("runs").hasArg().argName("DIR").desc("runs folder (default reports/runs)").get());
        o.addOption(Option.builder().longOpt("out").hasArg().argName("FILE").desc("the page to write (default reports/index.html)").get());
        o.addOption(Option.builder("h").longOpt("help").desc("print this help").get());
        return o;
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cmd;
        try {
            cmd = CommonOptions.parser().parse(options(), args);
        } catch (ParseException e) {
            err.println("mixup report: " + e.getMessage());
            return 2;
        }
        if (cmd.hasOption("help")) {
            OptionValues.printHelp(out, "./mixup report [options]", summary(), options());
            return 0;
        }
        Path runs = Path.of(cmd.getOptionValue("runs", CommonOptions.DEFAULT_OUT.toString()));
        Path page = Path.of(cmd.getOptionValue("out", "reports/index.html"));
        try {
            Path written = write(runs, page);
            RunCatalog catalog = RunCatalog.scan(runs);
            out.println("report: " + catalog.finished().size() + " finished run(s), " + catalog.skipped().size() + " skipped");
            for (RunCatalog.Skipped s : catalog.skipped()) {
                out.println("  skipped " + s.dir() + ": " + s.reason());
            }
            out.println("open " + written.toAbsolutePath());
            return 0;
        } catch (IOException e) {
            err.println("mixup report: cannot write " + page + ": " + e.getMessage());
            return 1;
        }
    }

    /** Writes the page and its comparison charts (in a charts/ folder beside it); returns the page. */
    public static Path write(Path runs, Path page) throws IOException {
        RunCatalog catalog = RunCatalog.scan(runs);
        Path chartDir = page.toAbsolutePath().getParent().resolve("charts");
        Files.createDirectories(chartDir);
        // the folder belongs to the report: charts of studies or scales no longer present must go
        try (var old = Files.newDirectoryStream(chartDir, "*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Map<String, Map<String, Path>> comparisons = new LinkedHashMap<>();
        for (Map.Entry<String, List<FinishedRun>> e : catalog.byStudy().entrySet()) {
            comparisons.put(e.getKey(), ComparisonCharts.draw(e.getKey(), e.getValue(), chartDir));
        }
        String html = new ReportPage(page).render(catalog, comparisons, runs);
        AtomicFiles.write(page, html.getBytes(StandardCharsets.UTF_8));
        return page;
    }
}
