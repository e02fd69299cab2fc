package io.ringsift.cli;

import io.ringsift.filter.FilterFile;
import io.ringsift.filter.FilterInfo;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.job.ExitCodes;
import io.ringsift.report.ReportWriter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ringsift info FILE}: a filter file's header and its false-positive rate at the current fill. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a filter file's header and its estimated false-positive probability at the current fill.",
        footer = {"", ExitCodes.HELP})
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A filter file (filter.bf).")
    Path file;

    @picocli.CommandLine.Option(names = "--json", description = "Print the header and fill as one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        InputFiles.requireFile("filter", file);
        LoadedFilter f = FilterFile.read(file);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(ReportWriter.toJson(asMap(f)));
            out.flush();
            return 0;
        }
        out.println(file);
        for (String line : FilterInfo.describe(f.header(), FilterInfo.of(f))) {
            out.println("  " + line);
        }
        out.flush();
        return 0;
    }

    /**
     * {@code {"file", "header": {every header field by its record name}, "keysEstimated", "fill",
     * "fppCurrent"}}: taken from the header record's components, so a field added to the header
     * appears here without a change.
     */
    private Map<String, Object> asMap(LoadedFilter f) throws ReflectiveOperationException {
        Map<String, Object> header = new LinkedHashMap<>();
        for (RecordComponent c : f.header().getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(f.header());
            header.put(c.getName(), v instanceof Number || v instanceof Boolean || v instanceof String || v == null ? v : v.toString());
        }
        FilterInfo info = FilterInfo.of(f);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toString());
        out.put("header", header);
        out.put("keysEstimated", info.approximateElementCount() == FilterInfo.SATURATED ? null : info.approximateElementCount());
        out.put("fill", info.fillRatio());
        out.put("fppCurrent", info.estimatedFpp());
        return out;
    }
}
