"""The course certificate as an Open Badges 3.0 credential (an `OpenBadgeCredential`, a
W3C Verifiable Credential), signed with the portal's document key (documents.signing).

The proof is a Data Integrity proof with the `eddsa-jcs-2022` cryptosuite (W3C vc-di-eddsa):
JSON Canonicalization (RFC 8785, library `rfc8785`) of the proof options and of the
credential, each hashed with SHA-256, the two hashes signed with Ed25519; the signature and
public key written in multibase base58btc (library `base58`). The issuer's profile at
/learning/issuer.json lists the public keys (Multikey) that `verify_badge` also trusts.
"""

from __future__ import annotations

import copy
import hashlib
from typing import Any

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from django.conf import settings
from django.urls import reverse

from documents.models import IssuedDocument
from documents.signing import raw_public_key, signing_key, trusted_public_keys
from learning.models import Enrolment

CONTEXTS = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
CRYPTOSUITE = "eddsa-jcs-2022"
CRITERIA = "Every lesson of the course done and its quizzes passed."
MULTIKEY_ED25519 = b"\xed\x01"  # the multicodec prefix of an Ed25519 public key


def issuer_url() -> str:
    return settings.SALA_SITE_URL + reverse("learning_issuer")


def multikey(public_key: Any) -> str:
    return "z" + base58.b58encode(MULTIKEY_ED25519 + raw_public_key(public_key)).decode()


def issuer_profile() -> dict[str, Any]:
    """The issuer (the portal) with every key its credentials may be signed with."""
    url = issuer_url()
    portal = settings.SALA_PORTAL_NAME
    return {
        "@context": CONTEXTS,
        "id": url,
        "type": ["Profile"],
        "name": portal["en"],
        "url": settings.SALA_SITE_URL,
        "verificationMethod": [
            {"id": f"{url}#{key_id}", "type": "Multikey", "controller": url,
             "publicKeyMultibase": multikey(key)}
            for key_id, key in trusted_public_keys().items()
        ],
    }  # fmt: skip


def unsigned_badge(enrolment: Enrolment, document: IssuedDocument) -> dict[str, Any]:
    course = enrolment.course
    site = settings.SALA_SITE_URL
    verify = site + reverse("documents:verify_code", kwargs={"code": document.code})
    return {
        "@context": CONTEXTS,
        "id": verify,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_url(), "type": ["Profile"],
                   "name": settings.SALA_PORTAL_NAME["en"]},
        "validFrom": document.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "name": course.title_en,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "name": document.holder_name,
            "achievement": {
                "id": site + course.get_absolute_url(),
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": course.title_en,
                "description": course.summary_en,
                "criteria": {"narrative": CRITERIA},
                "inLanguage": "km",
                "creator": {"id": issuer_url(), "type": ["Profile"],
                            "name": course.institution.name_en},
            },
        },
        "evidence": [{"id": verify, "type": ["Evidence"],
                      "name": f"Certificate {document.display_code}"}],
    }  # fmt: skip


def _hash_data(proof_options: dict[str, Any], credential: dict[str, Any]) -> bytes:
    return (
        hashlib.sha256(rfc8785.dumps(proof_options)).digest()
        + hashlib.sha256(rfc8785.dumps(credential)).digest()
    )


def signed_badge(enrolment: Enrolment, document: IssuedDocument) -> dict[str, Any]:
    credential = unsigned_badge(enrolment, document)
    key = signing_key()
    options = {
        "@context": CONTEXTS,
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": credential["validFrom"],
        "verificationMethod": f"{issuer_url()}#{key.key_id}",
        "proofPurpose": "assertionMethod",
    }
    signature = key.private_key.sign(_hash_data(options, credential))
    proof = {k: v for k, v in options.items() if k != "@context"}
    proof["proofValue"] = "z" + base58.b58encode(signature).decode()
    return {**credential, "proof": proof}


def verify_badge(badge: Any) -> bool:
    """Whether the credential's proof checks against one of the portal's keys."""
    if not isinstance(badge, dict) or not isinstance(badge.get("proof"), dict):
        return False
    credential = copy.deepcopy(badge)
    proof = credential.pop("proof")
    method = str(proof.get("verificationMethod", ""))
    url, _hash, key_id = method.partition("#")
    key = trusted_public_keys().get(key_id)
    value = str(proof.get("proofValue", ""))
    if (
        key is None
        or url != issuer_url()
        or proof.get("cryptosuite") != CRYPTOSUITE
        or not value.startswith("z")
    ):
        return False
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    options["@context"] = credential.get("@context")
    try:
        key.verify(base58.b58decode(value[1:]), _hash_data(options, credential))
    except (InvalidSignature, ValueError):
        return False
    return True
