"""The judge's side of the wire: a strict decoder for what the kernel sends back.

Everything the kernel sends is untrusted. It is parsed as JSON plus raw byte blobs (the format
is described in agent.py) and turned into plain values by code that only builds: Python
numbers, strings, tuples, lists and dicts; numpy arrays and scalars of numeric or bool dtype,
copied out of the blobs; torch tensors made from those arrays; torch modules of an allowed
class from torch.nn, built empty and filled with data. No pickle, and no object whose methods
the kernel chose: a reply that does not fit this schema is an error, never a value.
"""

from __future__ import annotations

import json
import struct

import numpy as np

from autograder.judge.agent import KINDS, MAX_DEPTH, NUMERIC_DTYPES

MAX_BLOBS = 1_000_000


class WireError(ValueError):
    """The kernel's reply is not data of the expected form."""

    judge_signal = True  # the grader's verdict on the reply: checks.calling lets it through


def unpack(payload: bytes) -> tuple[object, list[memoryview]]:
    """(header, blobs) from a frame built by agent.pack, checking every length."""
    view = memoryview(payload)
    try:
        (size,) = struct.unpack_from("!I", view, 0)
        header = json.loads(bytes(view[4:4 + size]))
        offset = 4 + size
        (count,) = struct.unpack_from("!I", view, offset)
        if count > MAX_BLOBS:
            raise WireError("too many blobs")
        offset += 4
        sizes = struct.unpack_from(f"!{count}Q", view, offset)
        offset += 8 * count
    except (struct.error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise WireError(f"malformed reply ({error})") from None
    blobs = []
    for n in sizes:
        if offset + n > len(view):
            raise WireError("a blob runs past the end of the reply")
        blobs.append(view[offset:offset + n])
        offset += n
    if offset != len(view):
        raise WireError("trailing bytes after the last blob")
    return header, blobs


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise WireError(what)


class Decoder:
    """Turns one reply's nodes into values; twins and handles are resolved through `link`."""

    def __init__(self, link, blobs):
        self.link = link
        self.blobs = blobs
        self.pending = {}  # twin k -> state, for states applied after the whole tree is built

    def value(self, node, depth: int = 0):
        expect(depth <= MAX_DEPTH + 8, "nested too deeply")
        if node is None or type(node) in (bool, int, float, str):
            return node
        expect(type(node) is list and node and type(node[0]) is str, f"not a value: {str(node)[:80]}")
        tag = node[0]
        if tag == "t":
            expect(len(node) == 2 and type(node[1]) is list, "bad tuple")
            return tuple(self.value(item, depth + 1) for item in node[1])
        if tag == "l":
            expect(len(node) == 2 and type(node[1]) is list, "bad list")
            return [self.value(item, depth + 1) for item in node[1]]
        if tag == "d":
            return self.pairs(node[1], depth)
        if tag == "a":
            return self.array(node)
        if tag == "s":
            expect(len(node) == 3 and node[1] in NUMERIC_DTYPES and type(node[2]) is int, "bad scalar")
            data = self.blob(node[2])
            dtype = np.dtype(node[1])
            expect(len(data) == dtype.itemsize, "a scalar of the wrong size")
            return np.frombuffer(data, dtype=dtype)[0]
        if tag == "h":
            expect(len(node) == 4 and type(node[1]) is int and type(node[2]) is str and type(node[3]) is list,
                   "bad handle")
            return self.link.handle(node[1], node[2], [f for f in node[3] if type(f) is str])
        if tag == "R":
            expect(len(node) == 2 and type(node[1]) is int, "bad reference")
            return self.link.twin(node[1])
        if tag in ("N", "P"):
            return self.twin(node, depth)
        raise WireError(f"unknown tag {tag!r}")

    def pairs(self, pairs, depth):
        expect(type(pairs) is list, "bad dict")
        out = {}
        for pair in pairs:
            expect(type(pair) is list and len(pair) == 2, "bad dict entry")
            key = self.value(pair[0], depth + 1)
            try:
                hash(key)
            except TypeError:
                raise WireError("a dict key that cannot be hashed") from None
            out[key] = self.value(pair[1], depth + 1)
        return out

    def blob(self, index) -> bytes:
        expect(type(index) is int and 0 <= index < len(self.blobs), "bad blob index")
        return bytes(self.blobs[index])

    def array(self, node) -> np.ndarray:
        expect(len(node) == 4 and node[1] in NUMERIC_DTYPES and type(node[2]) is list
               and all(type(n) is int and n >= 0 for n in node[2]), "bad array")
        dtype = np.dtype(node[1])
        data = self.blob(node[3])
        expect(len(data) == int(np.prod(node[2], dtype=np.int64)) * dtype.itemsize, "an array of the wrong size")
        return np.frombuffer(data, dtype=dtype).reshape(node[2]).copy()

    def twin(self, node, depth):
        if node[0] == "N":
            expect(len(node) == 4 and type(node[1]) is int and node[2] in KINDS, "bad new twin")
            return self.link.new_twin(node[1], node[2], node[3], self, depth)
        expect(len(node) == 3 and type(node[1]) is int, "bad twin")
        return self.link.update_twin(node[1], node[2], self, depth)
