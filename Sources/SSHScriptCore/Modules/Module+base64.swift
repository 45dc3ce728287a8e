/// `base64` (LANGUAGE.md §8.6): base64 (standard and URL-safe), base32 and base16, written in
/// the Python subset over `binascii`, with CPython's results and errors (`binascii.Error:
/// Incorrect padding`).
enum Base64Module {
  static let pythonOnlyNames: Set<String> = [
    "a85encode", "a85decode", "b85encode", "b85decode", "encode", "decode", "main", "test",
  ]

  static let source = #"""
    """Base16, base32 and base64 data encodings (RFC 4648)."""

    import binascii

    MAXLINESIZE = 76
    MAXBINSIZE = (MAXLINESIZE // 4) * 3
    bytes_types = (bytes,)

    _B32_ALPHABET = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    _B32HEX_ALPHABET = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"
    # Bytes produced by each length of a final base32 group: 1 byte -> 2 digits, and so on.
    _B32_DIGITS_FOR_BYTES = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}
    _B32_BYTES_FOR_PADDING = {0: 5, 1: 4, 3: 3, 4: 2, 6: 1}


    def _bytes_from_decode_data(s):
        # What the decoders accept: bytes, or a str of ASCII characters.
        if isinstance(s, str):
            try:
                return s.encode("ascii")
            except UnicodeEncodeError:
                raise ValueError("string argument should contain only ASCII characters")
        if isinstance(s, bytes):
            return s
        raise TypeError(f"argument should be a bytes-like object or ASCII string, not {type(s).__name__!r}")


    def _translate(data, old, new):
        # Replaces each byte of old by the byte of new at the same place (sshs's bytes has no
        # translate()).
        if not any(byte in old for byte in data):
            return data
        mapping = {old[index]: new[index] for index in range(len(old))}
        return bytes([mapping.get(byte, byte) for byte in data])


    def _bytes_to_encode(s):
        if not isinstance(s, bytes):
            raise TypeError(f"a bytes-like object is required, not {type(s).__name__!r}")
        return s


    def b64encode(s, altchars=None):
        """Encodes bytes with base64; altchars (2 bytes) replace '+' and '/'."""
        encoded = binascii.b2a_base64(s, newline=False)
        if altchars is not None:
            assert len(altchars) == 2, repr(altchars)
            return _translate(encoded, b"+/", altchars)
        return encoded


    def b64decode(s, altchars=None, validate=False):
        """Decodes base64 (bytes or ASCII str); with validate, anything outside the alphabet is an error."""
        s = _bytes_from_decode_data(s)
        if altchars is not None:
            altchars = _bytes_from_decode_data(altchars)
            assert len(altchars) == 2, repr(altchars)
            s = _translate(s, altchars, b"+/")
        return binascii.a2b_base64(s, strict_mode=validate)


    def standard_b64encode(s):
        return b64encode(s)


    def standard_b64decode(s):
        return b64decode(s)


    def urlsafe_b64encode(s):
        """base64 with '-' and '_' in place of '+' and '/' (for URLs and file names)."""
        return _translate(b64encode(s), b"+/", b"-_")


    def urlsafe_b64decode(s):
        s = _bytes_from_decode_data(s)
        return b64decode(_translate(s, b"-_", b"+/"))


    def _b32encode(alphabet, s):
        data = _bytes_to_encode(s)
        out = []
        for start in range(0, len(data), 5):
            chunk = data[start:start + 5]
            value = 0
            for byte in chunk + bytes(5 - len(chunk)):
                value = (value << 8) | byte
            used = _B32_DIGITS_FOR_BYTES[len(chunk)]
            for index in range(used):
                out.append(alphabet[(value >> (35 - 5 * index)) & 31])
            out.extend([61] * (8 - used))  # "="
        return bytes(out)


    def _b32decode(alphabet, s, casefold=False, map01=None):
        s = _bytes_from_decode_data(s)
        if len(s) % 8:
            raise binascii.Error("Incorrect padding")
        if map01 is not None:
            map01 = _bytes_from_decode_data(map01)
            assert len(map01) == 1, repr(map01)
            s = _translate(s, b"01", b"O" + map01)
        if casefold:
            s = s.upper()
        digits = s.rstrip(b"=")
        padding = len(s) - len(digits)
        values = {byte: index for index, byte in enumerate(alphabet)}
        out = []
        for start in range(0, len(digits), 8):
            group = digits[start:start + 8]
            value = 0
            for byte in group:
                if byte not in values:
                    raise binascii.Error("Non-base32 digit found")
                value = (value << 5) | values[byte]
            value <<= 5 * (8 - len(group))
            out.extend((value >> shift) & 255 for shift in (32, 24, 16, 8, 0))
        if padding not in _B32_BYTES_FOR_PADDING or (padding and not out):
            raise binascii.Error("Incorrect padding")
        if padding:
            del out[len(out) - 5 + _B32_BYTES_FOR_PADDING[padding]:]
        return bytes(out)


    def b32encode(s):
        """Encodes bytes with base32 (RFC 4648)."""
        return _b32encode(_B32_ALPHABET, s)


    def b32decode(s, casefold=False, map01=None):
        """Decodes base32; casefold accepts lower case, map01 maps 0 to O and 1 to the given letter."""
        return _b32decode(_B32_ALPHABET, s, casefold, map01)


    def b32hexencode(s):
        """Encodes bytes with the "extended hex" base32 alphabet."""
        return _b32encode(_B32HEX_ALPHABET, s)


    def b32hexdecode(s, casefold=False):
        return _b32decode(_B32HEX_ALPHABET, s, casefold)


    def b16encode(s):
        """Upper-case hexadecimal."""
        return binascii.hexlify(s).upper()


    def b16decode(s, casefold=False):
        """Decodes upper-case hexadecimal (any case with casefold)."""
        s = _bytes_from_decode_data(s)
        if casefold:
            s = s.upper()
        for byte in s:
            if byte not in b"0123456789ABCDEF":
                raise binascii.Error("Non-base16 digit found")
        return binascii.unhexlify(s)


    def encodebytes(s):
        """base64 in lines of at most 76 characters, each ending with a newline."""
        if not isinstance(s, bytes):
            raise TypeError(f"expected bytes-like object, not {type(s).__name__}")
        return b"".join(binascii.b2a_base64(s[start:start + MAXBINSIZE]) for start in range(0, len(s), MAXBINSIZE))


    def decodebytes(s):
        """Decodes what encodebytes() produced."""
        if not isinstance(s, bytes):
            raise TypeError(f"expected bytes-like object, not {type(s).__name__}")
        return binascii.a2b_base64(s)
    """#
}
