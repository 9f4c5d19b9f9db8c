"""The load test's candidates against `careprep cluster`: the same ten-times-faster behaviour as
locustfile.py, and after each answer they poll for the feedback as the page's htmx does (every
second) and record when it is ready ("feedback ready": from sending the answer to the feedback).

Run by benchmarks/load/cluster.py; see docs/operations.md.
"""

from __future__ import annotations

import time

from locust import events

from benchmarks.load.locustfile import CSRF, DATA, Candidate

READY_WITHIN = 120  # seconds; later counts as a failure
POLL_SECONDS = 1.0


class ClusterCandidate(Candidate):
    def practise_and_wait(self) -> None:
        slug = self.rng.choice(DATA["questions"])
        page = self.client.get(f"/practice/{slug}/", name="practice page")
        token = CSRF.search(page.text)
        if token is None:
            return
        time.sleep(self.rng.uniform(3, 8))  # writing the answer
        sent = time.monotonic()
        with self.client.post(
            f"/practice/{slug}/",
            {"answer": self.answer(), "mode": "typed", "csrfmiddlewaretoken": token.group(1)},
            name="submit answer",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.startswith("/attempts/"):
                response.failure(f"submit returned {response.status_code} {location}")
                return
        feedback = self.client.get(location, name="feedback page")
        ready = "Reviewing your answer" not in feedback.text
        while not ready and time.monotonic() - sent < READY_WITHIN:
            time.sleep(POLL_SECONDS)
            poll = self.client.get(f"{location}review/", name="review status (htmx poll)")
            ready = poll.ok and "hx-trigger" not in poll.text
        events.request.fire(
            request_type="REVIEW",
            name="feedback ready",
            response_time=(time.monotonic() - sent) * 1000,
            response_length=0,
            exception=None if ready else TimeoutError(f"no feedback in {READY_WITHIN} s"),
            context={},
        )

    tasks = [practise_and_wait]  # instead of Candidate's task, not beside it
