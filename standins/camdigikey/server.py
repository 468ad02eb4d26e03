"""The CamDigiKey stand-in's process: `python -m standins.camdigikey.server`.

Reads OIDC_PROVIDER_DB (an SQLite file), OIDC_PROVIDER_KEY (an RSA private key, PEM),
OIDC_PROVIDER_CLIENT_ID/SECRET and OIDC_PROVIDER_REDIRECT_URIS; sets up the database,
the citizens and the portal's client, then serves on 127.0.0.1 (a free port) and prints
"listening on PORT" once it accepts connections.
"""

from __future__ import annotations

import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def set_up() -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oauth2_provider.models import get_application_model

    from standins.camdigikey.people import PASSWORD, PEOPLE

    call_command("migrate", verbosity=0, interactive=False)
    for username in PEOPLE:
        User.objects.create_user(username, password=PASSWORD)
    application = get_application_model()
    application.objects.create(
        name="Sala",
        client_id=os.environ["OIDC_PROVIDER_CLIENT_ID"],
        client_secret=os.environ["OIDC_PROVIDER_CLIENT_SECRET"],
        client_type=application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=os.environ["OIDC_PROVIDER_REDIRECT_URIS"],
        algorithm=application.RS256_ALGORITHM,
        skip_authorization=True,
    )


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "standins.camdigikey.settings"
    import django
    from django.core.wsgi import get_wsgi_application

    django.setup()
    set_up()
    server = make_server(
        "127.0.0.1",
        0,
        get_wsgi_application(),
        server_class=ThreadingWSGIServer,
        handler_class=QuietHandler,
    )
    sys.stdout.write(f"listening on {server.server_port}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
