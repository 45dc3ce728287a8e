/// `uuid` (LANGUAGE.md §8.6): the `UUID` class and `uuid1`, `uuid3`, `uuid4`, `uuid5`, written in
/// the Python subset; `uuid4` takes its bits from `os.urandom`, `uuid3`/`uuid5` hash with `hashlib`.
enum UUIDModule {
  static let pythonOnlyNames: Set<String> = ["bytes_", "int_", "main"]

  static let source = #"""
    """UUID objects (RFC 4122) and the functions that make them."""

    import hashlib
    import os
    import time

    RESERVED_NCS = "reserved for NCS compatibility"
    RFC_4122 = "specified in RFC 4122"
    RESERVED_MICROSOFT = "reserved for Microsoft compatibility"
    RESERVED_FUTURE = "reserved for future definition"

    # The constructor's parameters are named int and bytes, as CPython's are.
    _int = int
    _bytes = bytes


    class SafeUUID:
        """Whether a UUID was generated in a multiprocessing-safe way (always unknown here)."""

        def __init__(self, name, value):
            self.name = name
            self.value = value

        def __repr__(self):
            return f"<SafeUUID.{self.name}: {self.value!r}>"

        def __str__(self):
            return f"SafeUUID.{self.name}"


    SafeUUID.safe = SafeUUID("safe", 0)
    SafeUUID.unsafe = SafeUUID("unsafe", -1)
    SafeUUID.unknown = SafeUUID("unknown", None)


    def _from_bytes(data):
        value = 0
        for byte in data:
            value = (value << 8) | byte
        return value


    def _to_bytes(value, size):
        return _bytes([(value >> (8 * (size - 1 - index))) & 0xff for index in range(size)])


    # The widths of the six fields, for the range checks of UUID(fields=...).
    _FIELD_BITS = [32, 16, 16, 8, 8, 48]


    class UUID:
        """A 128-bit universally unique identifier, made from one of hex, bytes, bytes_le, fields or int."""

        def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None, *,
                     is_safe=SafeUUID.unknown):
            if [hex, bytes, bytes_le, fields, int].count(None) != 4:
                raise TypeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given")
            if hex is not None:
                hex = hex.replace("urn:", "").replace("uuid:", "")
                hex = hex.strip("{}").replace("-", "")
                if len(hex) != 32:
                    raise ValueError("badly formed hexadecimal UUID string")
                int = _int(hex, 16)
            if bytes_le is not None:
                if len(bytes_le) != 16:
                    raise ValueError("bytes_le is not a 16-char string")
                # The first three fields are little-endian.
                bytes = bytes_le[3::-1] + bytes_le[5:3:-1] + bytes_le[7:5:-1] + bytes_le[8:]
            if bytes is not None:
                if len(bytes) != 16:
                    raise ValueError("bytes is not a 16-char string")
                assert isinstance(bytes, _bytes), repr(bytes)
                int = _from_bytes(bytes)
            if fields is not None:
                if len(fields) != 6:
                    raise ValueError("fields is not a 6-tuple")
                for index, (field, bits) in enumerate(zip(fields, _FIELD_BITS)):
                    if not 0 <= field < 1 << bits:
                        article = "an" if bits == 8 else "a"
                        raise ValueError(f"field {index + 1} out of range (need {article} {bits}-bit value)")
                time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node = fields
                clock_seq = (clock_seq_hi_variant << 8) | clock_seq_low
                int = (time_low << 96) | (time_mid << 80) | (time_hi_version << 64) | (clock_seq << 48) | node
            if int is not None and not 0 <= int < 1 << 128:
                raise ValueError("int is out of range (need a 128-bit value)")
            if version is not None:
                if not 1 <= version <= 5:
                    raise ValueError("illegal version number")
                # The RFC 4122 variant, then the version number.
                int &= ~(0xc000 << 48)
                int |= 0x8000 << 48
                int &= ~(0xf000 << 64)
                int |= version << 76
            self.int = int
            self.is_safe = is_safe

        def __eq__(self, other):
            if isinstance(other, UUID):
                return self.int == other.int
            return NotImplemented

        def __lt__(self, other):
            if isinstance(other, UUID):
                return self.int < other.int
            return NotImplemented

        def __gt__(self, other):
            if isinstance(other, UUID):
                return self.int > other.int
            return NotImplemented

        def __le__(self, other):
            if isinstance(other, UUID):
                return self.int <= other.int
            return NotImplemented

        def __ge__(self, other):
            if isinstance(other, UUID):
                return self.int >= other.int
            return NotImplemented

        def __hash__(self):
            return hash(self.int)

        def __int__(self):
            return self.int

        def __repr__(self):
            return f"{type(self).__name__}({str(self)!r})"

        def __str__(self):
            hex = "%032x" % self.int
            return f"{hex[:8]}-{hex[8:12]}-{hex[12:16]}-{hex[16:20]}-{hex[20:]}"

        @property
        def bytes(self):
            return _to_bytes(self.int, 16)

        @property
        def bytes_le(self):
            data = self.bytes
            return data[3::-1] + data[5:3:-1] + data[7:5:-1] + data[8:]

        @property
        def fields(self):
            return (self.time_low, self.time_mid, self.time_hi_version, self.clock_seq_hi_variant,
                    self.clock_seq_low, self.node)

        @property
        def time_low(self):
            return self.int >> 96

        @property
        def time_mid(self):
            return (self.int >> 80) & 0xffff

        @property
        def time_hi_version(self):
            return (self.int >> 64) & 0xffff

        @property
        def clock_seq_hi_variant(self):
            return (self.int >> 56) & 0xff

        @property
        def clock_seq_low(self):
            return (self.int >> 48) & 0xff

        @property
        def time(self):
            return ((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low

        @property
        def clock_seq(self):
            return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

        @property
        def node(self):
            return self.int & 0xffffffffffff

        @property
        def hex(self):
            return "%032x" % self.int

        @property
        def urn(self):
            return "urn:uuid:" + str(self)

        @property
        def variant(self):
            if not self.int & (0x8000 << 48):
                return RESERVED_NCS
            if not self.int & (0x4000 << 48):
                return RFC_4122
            if not self.int & (0x2000 << 48):
                return RESERVED_MICROSOFT
            return RESERVED_FUTURE

        @property
        def version(self):
            if self.variant == RFC_4122:
                return (self.int >> 76) & 0xf
            return None


    _node = None


    def getnode():
        """A 48-bit node number for uuid1(): a random one with the multicast bit set (RFC 4122 4.5),
        chosen once per run; sshs does not read hardware addresses."""
        global _node
        if _node is None:
            _node = _from_bytes(os.urandom(6)) | (1 << 40)
        return _node


    # 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch.
    _GREGORIAN_OFFSET = 0x01b21dd213814000
    _last_timestamp = None


    def uuid1(node=None, clock_seq=None):
        """A UUID from the time, a clock sequence and the node number."""
        global _last_timestamp
        timestamp = time.time_ns() // 100 + _GREGORIAN_OFFSET
        if _last_timestamp is not None and timestamp <= _last_timestamp:
            timestamp = _last_timestamp + 1
        _last_timestamp = timestamp
        if clock_seq is None:
            clock_seq = _from_bytes(os.urandom(2)) & 0x3fff
        time_low = timestamp & 0xffffffff
        time_mid = (timestamp >> 32) & 0xffff
        time_hi_version = (timestamp >> 48) & 0x0fff
        clock_seq_low = clock_seq & 0xff
        clock_seq_hi_variant = (clock_seq >> 8) & 0x3f
        if node is None:
            node = getnode()
        return UUID(fields=(time_low, time_mid, time_hi_version, clock_seq_hi_variant, clock_seq_low, node),
                    version=1)


    def _name_bytes(name):
        if isinstance(name, str):
            return name.encode("utf-8")
        raise TypeError("encoding without a string argument")


    def uuid3(namespace, name):
        """A UUID from the MD5 hash of a namespace UUID and a name."""
        digest = hashlib.md5(namespace.bytes + _name_bytes(name), usedforsecurity=False).digest()
        return UUID(bytes=digest[:16], version=3)


    def uuid4():
        """A random UUID, from the operating system's random source."""
        return UUID(bytes=os.urandom(16), version=4)


    def uuid5(namespace, name):
        """A UUID from the SHA-1 hash of a namespace UUID and a name."""
        digest = hashlib.sha1(namespace.bytes + _name_bytes(name), usedforsecurity=False).digest()
        return UUID(bytes=digest[:16], version=5)


    NAMESPACE_DNS = UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
    NAMESPACE_URL = UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
    NAMESPACE_OID = UUID("6ba7b812-9dad-11d1-80b4-00c04fd430c8")
    NAMESPACE_X500 = UUID("6ba7b814-9dad-11d1-80b4-00c04fd430c8")
    """#
}
