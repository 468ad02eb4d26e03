"""KHQR: the Bakong payment QR (EMVCo merchant-presented mode, as the National Bank of
Cambodia adapted it), encoded and decoded.

A payload is a run of TLV fields: a two-digit tag, a two-digit length in characters and
the value. The order and formatting follow the NBC's `bakong-khqr` SDK (npm 1.0.20), the
de-facto reference, so that our payloads are byte for byte the SDK's:

00 payload format "01"; 01 point of initiation ("11" static, "12" dynamic); 29 (an
individual's account: 00 Bakong account id, 01 account information, 02 acquiring bank)
or 30 (a merchant's: 00 Bakong account id, 01 merchant id, 02 acquiring bank); 52 MCC;
53 currency (116 riel, 840 dollars); 54 amount (riel whole; dollars with at most two
decimals, written as the SDK writes them: "4.50", "12"); 58 "KH"; 59 merchant name; 60
city; 62 additional data (01 bill number, 02 mobile number, 03 store label, 07 terminal
label, 08 purpose); 64 language template (00 language, 01 name, 02 city, here in Khmer);
99 timestamps (00 creation, 01 expiry, milliseconds since 1970); 63 the CRC-16/CCITT-FALSE
of everything before it, "6304" included, over the payload's UTF-8 bytes.

No Python encoder passed review (see docs/decisions/0031-khqr-encoder.md): this one is
small enough to read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

CURRENCY_CODES = {"KHR": "116", "USD": "840"}
CURRENCIES_BY_CODE = {code: name for name, code in CURRENCY_CODES.items()}
DEFAULT_MCC = "5999"
ADDITIONAL_DATA_TAGS = {
    "bill_number": "01",
    "mobile_number": "02",
    "store_label": "03",
    "terminal_label": "07",
    "purpose": "08",
}
LIMITS = {
    "account_id": 32,
    "merchant_name": 25,
    "merchant_city": 15,
    "bill_number": 25,
    "mobile_number": 25,
    "store_label": 25,
    "terminal_label": 25,
    "purpose": 25,
    "merchant_id": 32,
    "acquiring_bank": 32,
    "name_km": 25,
    "city_km": 15,
}


class KHQRError(ValueError):
    """The payload or the data to encode is not a valid KHQR."""


@dataclass(frozen=True)
class KHQR:
    """What a KHQR says. `merchant_id`/`acquiring_bank` given: a merchant (tag 30)."""

    account_id: str
    merchant_name: str
    merchant_city: str
    currency: str = "KHR"
    amount: Decimal | None = None
    merchant_id: str = ""
    acquiring_bank: str = ""
    account_information: str = ""
    mcc: str = DEFAULT_MCC
    bill_number: str = ""
    mobile_number: str = ""
    store_label: str = ""
    terminal_label: str = ""
    purpose: str = ""
    language: str = ""
    name_km: str = ""
    city_km: str = ""
    created_ms: int | None = None
    expires_ms: int | None = None

    @property
    def dynamic(self) -> bool:
        return self.amount is not None or self.created_ms is not None

    @property
    def expires_at(self) -> datetime | None:
        if self.expires_ms is None:
            return None
        return datetime.fromtimestamp(self.expires_ms / 1000, tz=UTC)


def crc16(data: str) -> str:
    """CRC-16/CCITT-FALSE (poly 0x1021, initial 0xFFFF) of the UTF-8 text, 4 hex digits."""
    crc = 0xFFFF
    for byte in data.encode():
        crc ^= byte << 8
        for _bit in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def md5(payload: str) -> str:
    """The MD5 the Bakong Open API finds a payment by."""
    return hashlib.md5(payload.encode(), usedforsecurity=False).hexdigest()


def tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise KHQRError(f"tag {tag}: value longer than 99 characters")
    return f"{tag}{len(value):02d}{value}"


def format_amount(amount: Decimal, currency: str) -> str:
    """Riel whole; dollars whole ("12") or with two decimals ("4.50"), as the SDK."""
    if not amount.is_finite() or amount <= 0:
        raise KHQRError("the amount must be more than zero")
    if currency == "KHR":
        if amount != amount.to_integral_value():
            raise KHQRError("an amount in riel is whole riel")
        return str(int(amount))
    if amount != amount.quantize(Decimal("0.01")):
        raise KHQRError("an amount in dollars has at most two decimals")
    whole = amount == amount.to_integral_value()
    text = str(int(amount)) if whole else f"{amount.quantize(Decimal('0.01')):f}"
    if len(text) > 13:
        raise KHQRError("the amount is too large")
    return text


def _check(data: KHQR) -> None:
    if data.currency not in CURRENCY_CODES:
        raise KHQRError(f"unknown currency {data.currency!r}")
    if not data.account_id or "@" not in data.account_id:
        raise KHQRError("a Bakong account id looks like name@bank")
    if not data.merchant_name or not data.merchant_city:
        raise KHQRError("the merchant name and city are required")
    for field, limit in LIMITS.items():
        if len(getattr(data, field)) > limit:
            raise KHQRError(f"{field} is longer than {limit} characters")
    if not (len(data.mcc) == 4 and data.mcc.isdigit()):
        raise KHQRError("the MCC is four digits")
    if (data.created_ms is None) != (data.expires_ms is None):
        raise KHQRError("a dynamic KHQR has both a creation and an expiry time")
    if data.created_ms is not None and data.expires_ms is not None:
        if data.expires_ms <= data.created_ms:
            raise KHQRError("the expiry is after the creation")


def encode(data: KHQR) -> str:
    """Return the KHQR payload for `data` (CRC included); KHQRError when it is invalid."""
    _check(data)
    merchant = bool(data.merchant_id or data.acquiring_bank)
    account = tlv("00", data.account_id)
    if merchant:
        account += tlv("01", data.merchant_id) if data.merchant_id else ""
        account += tlv("02", data.acquiring_bank) if data.acquiring_bank else ""
    else:
        account += tlv("01", data.account_information) if data.account_information else ""
        account += tlv("02", data.acquiring_bank) if data.acquiring_bank else ""
    parts = [
        tlv("00", "01"),
        tlv("01", "12" if data.dynamic else "11"),
        tlv("30" if merchant else "29", account),
        tlv("52", data.mcc),
        tlv("53", CURRENCY_CODES[data.currency]),
    ]
    if data.amount is not None:
        parts.append(tlv("54", format_amount(data.amount, data.currency)))
    parts += [tlv("58", "KH"), tlv("59", data.merchant_name), tlv("60", data.merchant_city)]
    extra = "".join(
        tlv(tag, getattr(data, field))
        for field, tag in ADDITIONAL_DATA_TAGS.items()
        if getattr(data, field)
    )
    if extra:
        parts.append(tlv("62", extra))
    language = "".join(
        tlv(tag, value)
        for tag, value in (("00", data.language), ("01", data.name_km), ("02", data.city_km))
        if value
    )
    if language:
        parts.append(tlv("64", language))
    if data.created_ms is not None and data.expires_ms is not None:
        parts.append(tlv("99", tlv("00", str(data.created_ms)) + tlv("01", str(data.expires_ms))))
    body = "".join(parts) + "6304"
    return body + crc16(body)


def fields(text: str) -> dict[str, str]:
    """Split a run of TLV fields into {tag: value}; KHQRError when it does not parse."""
    found: dict[str, str] = {}
    position = 0
    while position < len(text):
        tag, length = text[position : position + 2], text[position + 2 : position + 4]
        if len(tag) < 2 or not tag.isdigit() or len(length) < 2 or not length.isdigit():
            raise KHQRError(f"a field at {position} has no tag and length")
        end = position + 4 + int(length)
        if end > len(text):
            raise KHQRError(f"tag {tag} runs past the end")
        if tag in found:
            raise KHQRError(f"tag {tag} appears twice")
        found[tag] = text[position + 4 : end]
        position = end
    return found


def _timestamp(value: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise KHQRError("a timestamp is milliseconds since 1970")
    return int(value)


def _check_header(top: dict[str, str]) -> None:
    if top.get("00") != "01":
        raise KHQRError("the payload format (tag 00) is not 01")
    if top.get("01") not in ("11", "12", None):
        raise KHQRError("the point of initiation (tag 01) is neither 11 nor 12")
    if "29" not in top and "30" not in top:
        raise KHQRError("no Bakong account (tag 29 or 30)")
    if top.get("53", "") not in CURRENCIES_BY_CODE:
        raise KHQRError(f"unknown currency code {top.get('53')!r}")
    if top.get("58") != "KH":
        raise KHQRError("the country (tag 58) is not KH")


def decode(payload: str) -> KHQR:
    """Read a KHQR payload, checking its CRC and required tags; KHQRError when invalid."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise KHQRError("the payload does not end with a CRC (tag 63)")
    if crc16(payload[:-4]) != payload[-4:].upper():
        raise KHQRError("the CRC does not match: the payload was changed or mistyped")
    top = fields(payload[:-8])
    _check_header(top)
    merchant = "30" in top
    account = fields(top["30" if merchant else "29"])
    currency_code = top["53"]
    amount = None
    if "54" in top:
        try:
            amount = Decimal(top["54"])
        except InvalidOperation as exc:
            raise KHQRError("the amount (tag 54) is not a number") from exc
    extra = fields(top.get("62", ""))
    language = fields(top.get("64", ""))
    timestamps = fields(top.get("99", ""))
    data = KHQR(
        account_id=account.get("00", ""),
        merchant_name=top.get("59", ""),
        merchant_city=top.get("60", ""),
        currency=CURRENCIES_BY_CODE[currency_code],
        amount=amount,
        merchant_id=account.get("01", "") if merchant else "",
        account_information="" if merchant else account.get("01", ""),
        acquiring_bank=account.get("02", ""),
        mcc=top.get("52", ""),
        language=language.get("00", ""),
        name_km=language.get("01", ""),
        city_km=language.get("02", ""),
        created_ms=_timestamp(timestamps.get("00", "")),
        expires_ms=_timestamp(timestamps.get("01", "")),
        **{field: extra.get(tag, "") for field, tag in ADDITIONAL_DATA_TAGS.items()},
    )
    if not data.account_id or not data.merchant_name or not data.merchant_city:
        raise KHQRError("the account, merchant name and city are required")
    return data
