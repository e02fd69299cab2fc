package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Latin-1 and Windows-1252 files read with --encoding give the report of the same text in UTF-8. */
class EncodedInputsTest {
    @TempDir
    Path dir;

    /** Random rows over letters both charsets have (and Windows-1252's €), keys repeating. */
    private static String text(String alphabet, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("name,city,n\r\n");
        for (int i = 0; i < 2000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                name.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            sb.append(name).append(',').append(rnd.nextBoolean() ? "\"Besançon, Doubs\"" : "Zürich").append(',').append(i).append("\r\n");
        }
        return sb.toString();
    }

    private JsonNode ingest(Path f, String... more) throws IOException {
        Path out = dir.resolve("out-" + f.getFileName());
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of("ingest", "csv", "-q", "--key", "name",
                "--fpp", "1e-9", "--out", out));
        args.addAll(java.util.List.of(more));
        args.add(f);
        Cli.Run r = Cli.run(args.toArray());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Cli.report(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "windows-1252"})
    void sameReportAsTheUtf8File(String charset) throws IOException {
        String alphabet = charset.equals("windows-1252") ? "aéèüçß€Œ" : "aéèüçßÆ";
        String text = text(alphabet, charset.hashCode());
        Path utf8 = dir.resolve("utf8.csv");
        Files.writeString(utf8, text, StandardCharsets.UTF_8);
        Path encoded = dir.resolve(charset + ".csv");
        Files.write(encoded, text.getBytes(Charset.forName(charset)));
        JsonNode expected = ingest(utf8);
        JsonNode rep = ingest(encoded, "--encoding", charset);
        assertThat(rep.get("rejected").asLong()).isZero();
        for (String f : new String[] {"records", "duplicateRecords", "distinctKeysEstimate", "fields"}) {
            assertThat(rep.get(f)).as(f).isEqualTo(expected.get(f));
        }
        assertThat(rep.get("dialect").get("encoding").asText()).isEqualTo(charset);
    }

    @Test
    void aByteTheCharsetDoesNotDefineRejectsItsRowNamingTheCharsetAndLine() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.write(f, new byte[] {'n', '\n', 'a', '\n', 'b', (byte) 0x81, '\n', 'c', '\n'});
        Path out = dir.resolve("bad-out");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--encoding", "windows-1252", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(2);
        assertThat(rep.get("rejected").asLong()).isEqualTo(1);
        String rejects = Files.readString(out.resolve("rejects.csv"));
        assertThat(rejects).contains(f + ",3,bytes not valid in windows-1252");
    }
}
