# Tokens and secrets: base64 round trips, URL-safe JWT pieces, base32 TOTP seeds, base16 and
# the padding errors of binascii.
import base64
import binascii
import json

header = {"alg": "HS256", "typ": "JWT"}
claims = {"sub": "deploy-bot", "scope": ["hosts:read", "jobs:run"], "exp": 1700000000}


def segment(obj):
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unsegment(text):
    padded = text + "=" * (-len(text) % 4)
    return json.loads(base64.urlsafe_b64decode(padded))


token = segment(header) + "." + segment(claims)
print(token)
print(unsegment(token.split(".")[1]) == claims)

for raw in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]:
    print(raw, base64.b64encode(raw), base64.b32encode(raw), base64.b16encode(raw))

secret = base64.b32encode(b"12345678901234567890").decode()
print(secret, base64.b32decode(secret.lower(), casefold=True))
print(base64.b64decode("aGVs bG8=\n"), base64.b64decode(b"aGVsbG8="))
print(binascii.hexlify(b"\xde\xad\xbe\xef", ":"), binascii.unhexlify("deadbeef"))
print(binascii.crc32(b"deploy"), base64.encodebytes(b"x" * 40))

for text, strict in [("aGVsbG8", False), ("aGVsbG8=x", True), ("aGV!bG8=", True), ("a", False)]:
    try:
        base64.b64decode(text, validate=strict)
    except binascii.Error as error:
        print(f"{text!r}: {error}")
base64.b64decode("c2VjcmV0")
base64.b32decode("MZXW6===x")
