import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts and stops the iamport-mock single-file server for a test run, and makes JSON calls to it
 * with the JDK's HttpClient. The server file is IAMPORT_MOCK_BIN (a release asset, or dist/bin/
 * in a clone after `npm run build`), else this repository's dist/bin/ seen from examples/java.
 * `--port 0` picks a free port; the base URL comes from the ready line.
 */
final class Simulator implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("iamport-mock ready on (http://\\S+)");
    private final Process process;
    final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, Map<String, Object> body) {}

    Simulator(String... flags) throws IOException {
        String bin = System.getenv().getOrDefault("IAMPORT_MOCK_BIN", Path.of("..", "..", "dist", "bin", "iamport-mock.mjs").toString());
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("NODE", "node"), bin, "--port", "0", "--log-level", "warn"));
        command.addAll(List.of(flags));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher match = READY.matcher(line);
            if (match.find()) {
                url = match.group(1);
                return;
            }
        }
        throw new IOException("iamport-mock exited before its ready line");
    }

    /** One JSON request; error statuses are answers too. */
    Answer call(String method, String path, Object body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        }
        if (token != null) request.header("Authorization", "Bearer " + token);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), Json.object(response.body()));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the server closes cleanly
        process.waitFor();
    }
}
