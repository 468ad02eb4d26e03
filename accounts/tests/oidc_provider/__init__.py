"""A real OpenID Connect provider for the tests, run in a process of its own on loopback.

It stands in for CamDigiKey (a national identity provider we cannot reach from tests):
django-oauth-toolkit's OIDC server, with RS256-signed ID tokens, PKCE, a login page and
two citizens (`PEOPLE`). The tests drive it over HTTP only; `provider.py` starts and stops
it, `server.py` is the process. A few `/test/...` endpoints let a test break it the ways
a real provider or an attacker could: expire the issued codes, change the issuer its
ID tokens name, accept another redirect URI.
"""
