import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A merchant's billing flow against iamport-mock with the JDK alone (HttpClient, the built-in
 * HttpServer as the webhook endpoint); no build tool, no test framework:
 *
 *   javac -d build src/*.java && java -cp build BillingExample
 *
 * Each check starts from a fresh simulator state (POST /__mock/reset); the exit status is the
 * number of failed checks.
 */
public final class BillingExample {
    static final String IMP_KEY = "imp_apikey"; // the i'mport docs' public test key pair
    static final String IMP_SECRET = "ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f";
    static final Map<String, Object> CARD = Map.of("card_number", "4242-4242-4242-4242", "expiry", "2030-12", "birth", "900101", "pwd_2digit", "12");
    static final long DAY = 86_400;

    private final Simulator sim;
    private final List<Map<String, Object>> webhooks = new CopyOnWriteArrayList<>();
    private final String webhookUrl;

    BillingExample(Simulator sim, HttpServer receiver) {
        this.sim = sim;
        this.webhookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/iamport/webhook";
        receiver.createContext("/iamport/webhook", exchange -> {
            webhooks.add(Json.object(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] ok = "OK".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
    }

    public static void main(String[] args) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.start();
        int failed = 0;
        try (Simulator sim = new Simulator("--seed", "java-example")) {
            BillingExample example = new BillingExample(sim, receiver);
            failed += example.check("billing key, charge, lookup, cancel", example::billingKeyChargeLookupCancel);
            failed += example.check("a fault rule declines the charge", example::faultRuleDeclines);
            failed += example.check("a schedule runs on the clock and its webhook arrives", example::scheduleRunsAndWebhookArrives);
        } finally {
            receiver.stop(0);
        }
        System.out.println(failed == 0 ? "OK: 3 checks passed" : "FAILED: " + failed + " of 3 checks");
        System.exit(failed);
    }

    interface Check {
        void run() throws Exception;
    }

    int check(String name, Check check) {
        try {
            expect(sim.call("POST", "/__mock/reset", null, null).status(), 200, "reset");
            webhooks.clear();
            check.run();
            System.out.println("ok   " + name);
            return 0;
        } catch (Exception | AssertionError e) {
            System.out.println("FAIL " + name + ": " + e.getMessage());
            return 1;
        }
    }

    void billingKeyChargeLookupCancel() throws Exception {
        Map<String, Object> key = api("POST", "/subscribe/customers/customer_1", with(CARD, "customer_name", "홍길동"));
        expect(key.get("card_number"), "42424242****4242", "masked card number");

        Map<String, Object> paid = api("POST", "/subscribe/payments/again",
                Map.of("customer_uid", "customer_1", "merchant_uid", "order_1", "amount", 9900, "name", "월간 이용권"));
        expect(paid.get("status"), "paid", "status");
        expect(paid.get("amount"), 9900L, "amount");

        Map<String, Object> found = api("GET", "/payments/" + paid.get("imp_uid"), null);
        expect(found.get("merchant_uid"), "order_1", "lookup");

        Map<String, Object> cancelled = api("POST", "/payments/cancel", Map.of("imp_uid", paid.get("imp_uid"), "reason", "고객 요청"));
        expect(cancelled.get("status"), "cancelled", "status after cancel");
        expect(cancelled.get("cancel_amount"), 9900L, "cancel_amount");
    }

    void faultRuleDeclines() throws Exception {
        api("POST", "/subscribe/customers/customer_2", CARD);
        Simulator.Answer rule = sim.call("POST", "/__mock/faults", Map.of(
                "match", Map.of("path", "/subscribe/payments/again", "customer_uid", "customer_2"),
                "action", Map.of("type", "decline", "fail_reason", "잔액부족")), null);
        expect(rule.status(), 201, "fault rule");

        // A decline is an answer with code 0 and a failed payment, as i'mport gives it.
        Map<String, Object> failed = api("POST", "/subscribe/payments/again",
                Map.of("customer_uid", "customer_2", "merchant_uid", "order_2", "amount", 9900, "name", "월간 이용권"));
        expect(failed.get("status"), "failed", "status");
        expect(failed.get("fail_reason"), "잔액부족", "fail_reason");
    }

    void scheduleRunsAndWebhookArrives() throws Exception {
        api("POST", "/subscribe/customers/customer_3", CARD);
        long now = (Long) sim.call("GET", "/__mock/clock", null, null).body().get("now");
        api("POST", "/subscribe/payments/schedule", Map.of("customer_uid", "customer_3", "schedules", List.of(Map.of(
                "merchant_uid", "renewal_1", "schedule_at", now + 30 * DAY, "amount", 9900, "name", "월간 이용권", "notice_url", webhookUrl))));
        expect(webhooks.size(), 0, "webhooks before the run");

        // Answers once the run is done and its webhook answered: no sleeping.
        expect(sim.call("POST", "/__mock/clock", Map.of("advance_seconds", 30 * DAY + 60), null).status(), 200, "clock move");

        Map<String, Object> schedule = api("GET", "/subscribe/payments/schedule/renewal_1", null); // a month on: a new token
        expect(schedule.get("schedule_status"), "executed", "schedule_status");
        expect(schedule.get("payment_status"), "paid", "payment_status");
        expect(webhooks, List.of(Map.of("imp_uid", schedule.get("imp_uid"), "merchant_uid", "renewal_1", "status", "paid")), "webhooks");
    }

    /** An i'mport call that must succeed (HTTP 200, code 0); returns its `response` (an object or a list). */
    @SuppressWarnings("unchecked")
    <T> T api(String method, String path, Object body) throws IOException, InterruptedException {
        Simulator.Answer token = sim.call("POST", "/users/getToken", Map.of("imp_key", IMP_KEY, "imp_secret", IMP_SECRET), null);
        String accessToken = (String) ((Map<String, Object>) token.body().get("response")).get("access_token");
        Simulator.Answer answer = sim.call(method, path, body, accessToken);
        if (answer.status() != 200 || !Long.valueOf(0).equals(answer.body().get("code"))) {
            throw new AssertionError(method + " " + path + " → " + answer.status() + " " + Json.write(answer.body()));
        }
        return (T) answer.body().get("response");
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    static void expect(Object actual, Object expected, String what) {
        if (!java.util.Objects.equals(actual, expected)) throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
}
