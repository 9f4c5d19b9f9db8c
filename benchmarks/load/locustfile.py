"""20 candidates practising at once: open a question, submit an answer, read the feedback.

Run by benchmarks/load/run.py, which prepares the server and the users; see docs/benchmarks.md.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from pathlib import Path

from locust import HttpUser, between, task

DATA = json.loads(Path(os.environ["CAREPREP_LOAD_DATA"]).read_text())
USERS = itertools.count(1)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Candidate(HttpUser):
    # A person reads feedback for a minute and writes for several; these users are ten times
    # quicker (3-8 s to "write", 2-5 s to "read"), so the load is far heavier than 20 real people.
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.number = next(USERS)
        self.rng = random.Random(self.number)
        page = self.client.get("/accounts/login/", name="login page")
        token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
        self.client.post(
            "/accounts/login/",
            {
                "username": f"load{self.number}",
                "password": DATA["password"],
                "csrfmiddlewaretoken": token,
            },
            name="log in",
        )
        self.serial = 0

    def answer(self) -> str:
        """A new answer each time (new sentences, so nothing is served from the model's cache)."""
        self.serial += 1
        chosen = self.rng.sample(DATA["sentences"], k=self.rng.randint(6, 14))
        tag = f"{self.number}-{self.serial}"
        return " ".join(f"{s[:-1]} (note {tag}{i})." for i, s in enumerate(chosen))

    @task
    def practise(self) -> None:
        slug = self.rng.choice(DATA["questions"])
        page = self.client.get(f"/practice/{slug}/", name="practice page")
        token = CSRF.search(page.text)
        if token is None:
            return
        time.sleep(self.rng.uniform(3, 8))  # writing the answer
        with self.client.post(
            f"/practice/{slug}/",
            {"answer": self.answer(), "mode": "typed", "csrfmiddlewaretoken": token.group(1)},
            name="submit answer (coach)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.startswith("/attempts/"):
                response.failure(f"submit returned {response.status_code} {location}, no feedback")
                return
        self.client.get(location, name="feedback page")
