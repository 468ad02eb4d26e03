"""The claims the test provider gives about the people it knows."""

from __future__ import annotations

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator

from accounts.tests.oidc_provider.people import PEOPLE

# Set by the /test/issuer/ endpoint: the issuer ID tokens name instead of the real one, as
# a misconfigured provider or a token from another provider would.
forced_issuer = {"iss": ""}


class IdentityValidator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "national_id": "profile"}

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        return dict(PEOPLE.get(request.user.username, {}))

    def get_id_token_dictionary(self, token: Any, token_handler: Any, request: Any) -> dict:
        claims = super().get_id_token_dictionary(token, token_handler, request)
        if forced_issuer["iss"]:
            claims["iss"] = forced_issuer["iss"]
        return claims
