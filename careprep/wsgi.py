import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careprep.settings")
application = get_wsgi_application()

# Load the answer coach's model when a worker starts, and embed the bank's questions in the
# background, so no candidate waits for either; with a broker the model lives in
# `careprep worker` processes instead, and the web processes stay small.
from django.conf import settings  # noqa: E402

if not settings.BROKER_URL:
    from practice.warmup import warm_in_background

    warm_in_background()
