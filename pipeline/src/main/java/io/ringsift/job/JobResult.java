package io.ringsift.job;

import io.ringsift.report.Report;
import java.nio.file.Path;

/**
 * A finished job: its report, where outputs went, and the process exit code it calls for.
 *
 * @param filterPath  the filter file written, or null when none was (incomplete run)
 * @param rejectsPath rejects.csv, or null when nothing was rejected
 */
public record JobResult(Report report, Path reportPath, Path filterPath, Path rejectsPath, int exitCode) {}
