"""A stand-in for CamDigiKey, Cambodia's national digital identity: a real OpenID Connect
provider, run in a process of its own on loopback, for the demo and the tests.

It is django-oauth-toolkit's OIDC server in its own small Django project (its own
settings, SQLite database and RSA signing key; never the portal's), with RS256-signed ID
tokens, PKCE, nonces, a sign-in page and a few demo citizens (`people.PEOPLE`). The portal
reaches it over HTTP only, exactly as it would reach CamDigiKey. `control.start_provider`
starts and drives it; `server.py` is the process. A few `/test/...` endpoints let a test
break it the ways a real provider or an attacker could: expire the issued codes, change
the issuer or the nonce its ID tokens name, accept another redirect URI.
"""
