"""The Celery application: background reviews when CAREPREP_BROKER_URL names a broker.

`careprep worker` runs it; web processes only send tasks to it. Its settings are the CELERY_*
names in careprep.settings.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careprep.settings")

app = Celery("careprep")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["practice"])

# Its signal handlers put the request id on worker log lines and into task headers.
import careprep.logs  # noqa: E402, F401
