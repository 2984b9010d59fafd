"""A merchant's billing flow against iamport-mock, with unittest and urllib only (no pip).

Run: python3 -m unittest -v   (from this folder; needs node and the single-file server, see
simulator.py). Each test starts from a fresh simulator state (POST /__mock/reset).
"""
import http.server
import json
import threading
import unittest

from simulator import Simulator, call

IMP_KEY = "imp_apikey"  # the i'mport docs' public test key pair, which the simulator serves
IMP_SECRET = "ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f"
CARD = {"card_number": "4242-4242-4242-4242", "expiry": "2030-12", "birth": "900101", "pwd_2digit": "12"}
DAY = 86_400


class WebhookReceiver(http.server.ThreadingHTTPServer):
    """The merchant's webhook endpoint: keeps every body it is sent."""

    def __init__(self):
        self.received = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                receiver.received.append(json.loads(self.rfile.read(length)))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"OK")

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/iamport/webhook"


class BillingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.simulator = Simulator("--seed", "python-example").start()
        cls.base = cls.simulator.url
        cls.receiver = WebhookReceiver()
        threading.Thread(target=cls.receiver.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.receiver.shutdown()
        cls.receiver.server_close()
        cls.simulator.stop()

    def setUp(self):
        self.assertEqual(call(self.base, "POST", "/__mock/reset")[0], 200)
        self.receiver.received.clear()

    def token(self):
        status, body = call(self.base, "POST", "/users/getToken", {"imp_key": IMP_KEY, "imp_secret": IMP_SECRET})
        self.assertEqual((status, body["code"]), (200, 0))
        return body["response"]["access_token"]

    def api(self, method, path, body=None):
        """An i'mport call that must succeed; returns its `response`."""
        status, envelope = call(self.base, method, path, body, self.token())
        self.assertEqual((status, envelope["code"]), (200, 0), envelope)
        return envelope["response"]

    def test_billing_key_charge_lookup_cancel(self):
        key = self.api("POST", "/subscribe/customers/customer_1", {**CARD, "customer_name": "홍길동"})
        self.assertEqual(key["card_number"], "42424242****4242")  # masked, as i'mport shows it

        paid = self.api("POST", "/subscribe/payments/again",
                        {"customer_uid": "customer_1", "merchant_uid": "order_1", "amount": 9900, "name": "월간 이용권"})
        self.assertEqual((paid["status"], paid["amount"]), ("paid", 9900))

        found = self.api("GET", f"/payments/{paid['imp_uid']}")
        self.assertEqual((found["merchant_uid"], found["status"]), ("order_1", "paid"))

        cancelled = self.api("POST", "/payments/cancel", {"imp_uid": paid["imp_uid"], "reason": "고객 요청"})
        self.assertEqual((cancelled["status"], cancelled["cancel_amount"]), ("cancelled", 9900))

    def test_a_fault_rule_declines_the_charge(self):
        self.api("POST", "/subscribe/customers/customer_2", CARD)
        status, rule = call(self.base, "POST", "/__mock/faults", {
            "match": {"path": "/subscribe/payments/again", "customer_uid": "customer_2"},
            "action": {"type": "decline", "fail_reason": "잔액부족"},
        })
        self.assertEqual(status, 201)

        # A decline is an answer with code 0 and a failed payment, as i'mport gives it.
        failed = self.api("POST", "/subscribe/payments/again",
                          {"customer_uid": "customer_2", "merchant_uid": "order_2", "amount": 9900, "name": "월간 이용권"})
        self.assertEqual((failed["status"], failed["fail_reason"]), ("failed", "잔액부족"))

    def test_a_schedule_runs_when_the_clock_reaches_it_and_the_webhook_arrives(self):
        self.api("POST", "/subscribe/customers/customer_3", CARD)
        now = call(self.base, "GET", "/__mock/clock")[1]["now"]
        self.api("POST", "/subscribe/payments/schedule", {
            "customer_uid": "customer_3",
            "schedules": [{"merchant_uid": "renewal_1", "schedule_at": now + 30 * DAY, "amount": 9900,
                           "name": "월간 이용권", "notice_url": self.receiver.url}],
        })
        self.assertEqual(self.receiver.received, [])

        # Answers once the run is done and its webhook answered: no sleeping.
        status, _ = call(self.base, "POST", "/__mock/clock", {"advance_seconds": 30 * DAY + 60})
        self.assertEqual(status, 200)

        schedule = self.api("GET", "/subscribe/payments/schedule/renewal_1")  # a month on: a new token
        self.assertEqual((schedule["schedule_status"], schedule["payment_status"]), ("executed", "paid"))
        self.assertEqual(self.receiver.received,
                         [{"imp_uid": schedule["imp_uid"], "merchant_uid": "renewal_1", "status": "paid"}])


if __name__ == "__main__":
    unittest.main()
