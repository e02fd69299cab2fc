package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments fail at once with the CLI's exit codes and write no filter: usage 2, input 3. */
class SparkMainErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingFileIsAnInputError() {
        Path out = dir.resolve("out");
        assertThat(SparkMain.run(LocalSpark.context(), "ingest", "csv", "--key", "id", "--out", out.toString(), "-q",
                dir.resolve("nope.csv").toString())).isEqualTo(3);
        assertThat(out.resolve("filter.bf")).doesNotExist();
    }

    @Test
    void unknownKeyColumnIsAnInputError() throws IOException {
        Path f = Files.writeString(dir.resolve("a.csv"), "id,name\n1,x\n");
        assertThat(SparkMain.run(LocalSpark.context(), "ingest", "csv", "--key", "idd", "--out", dir.resolve("out").toString(), "-q",
                f.toString())).isEqualTo(3);
    }

    @Test
    void tooManyRejectsIsExitFourWithAnIncompleteReportAndNoFilter() throws IOException {
        Path f = Files.writeString(dir.resolve("a.csv"), "id,name\n1,x\n2\n3,\"y\"z\n4,w\n");
        Path out = dir.resolve("out");
        assertThat(SparkMain.run(LocalSpark.context(), "ingest", "csv", "--key", "id", "--max-rejects", "1", "--out", out.toString(),
                "-q", f.toString())).isEqualTo(4);
        assertThat(out.resolve("filter.bf")).doesNotExist();
        var report = Outputs.report(out);
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("stopReason").asText()).isEqualTo("too_many_rejects");
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        assertThat(report.get("records").asLong()).isEqualTo(2);
        assertThat(Outputs.rejects(out)).extracting(r -> r.split("\\|")[1]).containsExactly("3", "4");
    }

    @Test
    void badOptionValueIsAUsageError() throws IOException {
        Path f = Files.writeString(dir.resolve("a.csv"), "id,name\n1,x\n");
        assertThat(SparkMain.run(LocalSpark.context(), "ingest", "csv", "--key", "id", "--fpp", "2", "--out",
                dir.resolve("out").toString(), f.toString())).isEqualTo(2);
        assertThat(SparkMain.run(LocalSpark.context(), "ingest", "csv", "--key", "id", "--out", dir.resolve("out").toString())).isEqualTo(2);
    }
}
