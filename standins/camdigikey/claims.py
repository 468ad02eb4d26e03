"""The claims the CamDigiKey stand-in gives about the people it knows."""

from __future__ import annotations

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator

from standins.camdigikey.people import PEOPLE

# Set by the /test/issuer/ and /test/nonce/ endpoints: the issuer (or nonce) ID tokens
# name instead of the real one, as a misconfigured provider, a token from another provider
# or a token replayed from another sign-in would.
forced = {"iss": "", "nonce": ""}


class IdentityValidator(OAuth2Validator):
    oidc_claim_scope = {
        **OAuth2Validator.oidc_claim_scope,
        "national_id": "profile",
        "name#km": "profile",
    }

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        return dict(PEOPLE.get(request.user.username, {}))

    def get_id_token_dictionary(self, token: Any, token_handler: Any, request: Any) -> dict:
        claims = super().get_id_token_dictionary(token, token_handler, request)
        for claim, value in forced.items():
            if value:
                claims[claim] = value
        return claims
