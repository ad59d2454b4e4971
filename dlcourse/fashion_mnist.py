"""Fashion-MNIST (week 8): download with checksums into a cache, parse IDX, or use the sample.

The full data set is 60,000 training and 10,000 test images, 28 x 28 grey levels (uint8), ten
classes. Machines without internet use the 1,000-image real sample in
`../shared/data/fashion-mnist-sample`; every loader says in `describe()` which one it returned.
Nothing here touches the network at import, and torch is imported only by `to_tensors`.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import tempfile
import urllib.request
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable

import numpy as np

if TYPE_CHECKING:  # only for the annotations: importing torch costs seconds
    import torch

CLASSES = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot")

MIRRORS = (
    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
)
# The official files and MD5s (zalandoresearch/fashion-mnist README); a dict so tests can patch it.
MD5 = {
    "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
    "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
    "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
    "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
}
SAMPLE_SHA256 = {  # from the sample's README
    "sample-images-idx3-ubyte.gz": "0572281f1f181d44a09127245f55e9f3c314cbb4f461d52350e539b9b3cfdede",
    "sample-labels-idx1-ubyte.gz": "c357268bf0c625d37f019617644912d721aa0cd02d622587e6a49b0e236d5ab8",
}
CACHE_ENV = "FASHION_MNIST_DIR"
SAMPLE_ENV = "FASHION_MNIST_SAMPLE_DIR"
TIMEOUT_S = 30.0
_REPO_ROOT = Path(__file__).resolve().parents[1]
_IDX_KINDS = {0x00000801: "labels (uint8, 1-D)", 0x00000803: "images (uint8, 3-D)"}

# The URL opener, looked up at call time so tests can monkeypatch it (offline, corrupt download).
Opener = Callable[..., BinaryIO]
urlopen: Opener = urllib.request.urlopen


class FashionMNISTUnavailable(RuntimeError):
    """The data could not be had: offline, files missing, or a file failed its checksum."""


class ChecksumError(FashionMNISTUnavailable):
    """A file (cached or just downloaded) does not have its published checksum."""


class IDXFormatError(ValueError):
    """A file is not a well-formed IDX file (bad gzip, magic number, dimensions or size)."""


@dataclass(frozen=True)
class FashionMNIST:
    """Images X_* of shape (N, 28, 28) uint8, labels y_* of shape (N,) int64 in 0..9."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    source: str  # "full" or "sample"

    def describe(self) -> str:
        """One line saying which data this is, so no output passes the sample off as the real set."""
        n_tr, n_te = len(self.y_train), len(self.y_test)
        if self.source == "full":
            return f"Fashion-MNIST, full data set: {n_tr:,} training and {n_te:,} test images"
        return (f"Fashion-MNIST SAMPLE ({n_tr + n_te:,} real images, not the 70,000-image data set):"
                f" {n_tr:,} training / {n_te:,} test")


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Parse an IDX file, gzip-compressed or raw, into a uint8 array of the header's shape.

    Accepts only magic 0x00000801 (labels, 1-D) and 0x00000803 (images, 3-D), both uint8.
    Raises IDXFormatError naming the file for a bad gzip, magic, or a size that does not match.
    """
    path = Path(path)
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":  # the gzip magic: decide by content, not by the file name
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise IDXFormatError(f"{path}: not a valid gzip file ({err})") from None
    if len(raw) < 4:
        raise IDXFormatError(f"{path}: {len(raw)} bytes, too short for an IDX header")
    magic = int.from_bytes(raw[:4], "big")
    if magic not in _IDX_KINDS:
        raise IDXFormatError(
            f"{path}: IDX magic number 0x{magic:08x} (type code 0x{raw[2]:02x}, {raw[3]} dimensions);"
            " expected 0x00000801 (uint8 labels, 1-D) or 0x00000803 (uint8 images, 3-D)")
    ndim = raw[3]
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise IDXFormatError(f"{path}: header cut short ({len(raw)} bytes, expected {header})")
    dims = tuple(int.from_bytes(raw[4 + 4 * k: 8 + 4 * k], "big") for k in range(ndim))
    expected, got = int(np.prod(dims)), len(raw) - header
    if got != expected:
        why = "truncated" if got < expected else "trailing bytes"
        raise IDXFormatError(f"{path}: {got:,} data bytes after the header, expected {expected:,}"
                             f" = {' x '.join(map(str, dims))} ({why})")
    # copy(): frombuffer on bytes is read-only, and students will want to modify arrays.
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(dims).copy()


def _digest(path: Path, algorithm: str) -> str:
    h = hashlib.new(algorithm, usedforsecurity=False)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def default_cache_dir() -> Path:
    """$FASHION_MNIST_DIR if set, else ~/.cache/dlcourse/fashion-mnist."""
    env = os.environ.get(CACHE_ENV)
    return Path(env).expanduser() if env else Path.home() / ".cache" / "dlcourse" / "fashion-mnist"


def default_sample_dir() -> Path:
    """$FASHION_MNIST_SAMPLE_DIR if set, else <repo root>/../shared/data/fashion-mnist-sample."""
    env = os.environ.get(SAMPLE_ENV)
    return Path(env).expanduser() if env else _REPO_ROOT.parent / "shared" / "data" / "fashion-mnist-sample"


def _help(folder: Path, missing: list[str]) -> str:
    return (f"Missing or unusable in {folder}: {', '.join(missing)}.\nTo fix it, do one of:\n"
            f"  - download the four files by hand from {MIRRORS[0]} (or {MIRRORS[1]}) into {folder};\n"
            f"  - set {CACHE_ENV} to a folder that already holds them;\n"
            f"  - use the 1,000-image sample: load_fashion_mnist_sample() or load_course_data().")


def _fetch(url: str, target: Path, md5: str, opener: Opener, timeout: float) -> None:
    """Download url to a temporary file beside target, check its MD5, then rename it into place.

    The rename is atomic (os.replace in one folder), so target is either absent or complete; the
    temporary file is removed on every failure, so no partial file is ever left behind.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        h = hashlib.md5(usedforsecurity=False)
        with os.fdopen(fd, "wb") as out, opener(url, timeout=timeout) as response:
            for block in iter(lambda: response.read(1 << 20), b""):
                h.update(block)
                out.write(block)
        if h.hexdigest() != md5:
            raise ChecksumError(f"{url}: downloaded file has MD5 {h.hexdigest()}, expected {md5}"
                                " (corrupt or changed download; nothing was saved)")
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def download_fashion_mnist(cache_dir: str | os.PathLike | None = None, *, download: bool = True,
                           opener: Opener | None = None, timeout: float = TIMEOUT_S) -> Path:
    """Make sure the four official files are in the cache with their MD5s; return the folder.

    Files already there with a good MD5 are kept. A cached file with a bad MD5 is reported and,
    only if download is True, fetched again. Raises FashionMNISTUnavailable (what happened, which
    files, where, what to do) or its subclass ChecksumError.
    """
    folder = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    missing, bad = [], []
    for name, md5 in MD5.items():
        path = folder / name
        if not path.is_file():
            missing.append(name)
        elif (got := _digest(path, "md5")) != md5:
            bad.append(f"{path} has MD5 {got}, expected {md5}")
            missing.append(name)
    if bad and download:
        warnings.warn("Fashion-MNIST: bad cached file(s), downloading again: " + "; ".join(bad))
    if not missing:
        return folder
    if not download:
        cls = ChecksumError if bad else FashionMNISTUnavailable
        what = "cached file(s) failed the checksum: " + "; ".join(bad) if bad else "not in the cache"
        raise cls(f"Fashion-MNIST {what} (download=False, so nothing was downloaded).\n"
                  + _help(folder, missing))
    folder.mkdir(parents=True, exist_ok=True)
    opener = opener or urlopen  # resolved now, not at import, so a monkeypatch takes effect
    for i, name in enumerate(missing):
        errors = []
        for mirror in MIRRORS:
            try:
                _fetch(mirror + name, folder / name, MD5[name], opener, timeout)
                break
            except ChecksumError as err:
                errors.append(err)
            except (OSError, http.client.HTTPException) as err:  # URLError, timeouts, sockets
                errors.append(f"{mirror + name}: {type(err).__name__}: {err}")
        else:  # every mirror failed: stop, rather than wait out the timeouts for the other files
            cls = ChecksumError if any(isinstance(e, ChecksumError) for e in errors) else FashionMNISTUnavailable
            raise cls("Fashion-MNIST could not be downloaded (offline, or the mirrors failed):\n  "
                      + "\n  ".join(map(str, errors)) + "\n" + _help(folder, missing[i:]))
    return folder


def _pair(images: Path, labels: Path) -> tuple[np.ndarray, np.ndarray]:
    X, y = read_idx(images), read_idx(labels)
    if X.ndim != 3 or X.shape[1:] != (28, 28) or y.ndim != 1 or len(X) != len(y):
        raise IDXFormatError(f"{images}, {labels}: shapes {X.shape} and {y.shape},"
                             " expected (N, 28, 28) and (N,)")
    return X, y.astype(np.int64)  # int64: what torch's cross-entropy wants for targets


def load_fashion_mnist(cache_dir: str | os.PathLike | None = None, download: bool = True,
                       sample_dir: str | os.PathLike | None = None, *,
                       opener: Opener | None = None, timeout: float = TIMEOUT_S) -> FashionMNIST:
    """The full data set: X_train (60000, 28, 28) uint8, y_train (60000,) int64, and 10,000 test.

    If it cannot be had and sample_dir is given, returns the sample from there instead (its
    source is "sample" and describe() says so); otherwise raises FashionMNISTUnavailable.
    """
    try:
        folder = download_fashion_mnist(cache_dir, download=download, opener=opener, timeout=timeout)
    except FashionMNISTUnavailable:
        if sample_dir is None:
            raise
        return load_fashion_mnist_sample(sample_dir)
    X_train, y_train = _pair(folder / "train-images-idx3-ubyte.gz", folder / "train-labels-idx1-ubyte.gz")
    X_test, y_test = _pair(folder / "t10k-images-idx3-ubyte.gz", folder / "t10k-labels-idx1-ubyte.gz")
    return FashionMNIST(X_train, y_train, X_test, y_test, source="full")


def load_fashion_mnist_sample(sample_dir: str | os.PathLike | None = None, n_train: int = 800,
                              seed: int = 0) -> FashionMNIST:
    """The 1,000-image real sample, split stratified by class into n_train / 1000 - n_train.

    The split is seeded: the same seed gives the same split. Checks the README's SHA-256 values.
    """
    folder = Path(sample_dir).expanduser() if sample_dir is not None else default_sample_dir()
    if not folder.is_dir():
        raise FashionMNISTUnavailable(f"Fashion-MNIST sample folder {folder} does not exist; set"
                                      f" {SAMPLE_ENV} or pass sample_dir.")
    for name, sha in SAMPLE_SHA256.items():
        if not (folder / name).is_file():
            raise FashionMNISTUnavailable(f"Fashion-MNIST sample file {folder / name} is missing")
        if (got := _digest(folder / name, "sha256")) != sha:
            raise ChecksumError(f"{folder / name} has SHA-256 {got}, expected {sha}")
    X, y = _pair(folder / "sample-images-idx3-ubyte.gz", folder / "sample-labels-idx1-ubyte.gz")
    n = len(y)
    if not 0 < n_train < n:
        raise ValueError(f"n_train={n_train}, expected 0 < n_train < {n}")
    rng = np.random.default_rng(seed)
    order = rng.permutation(n)
    order = order[np.argsort(y[order], kind="stable")]  # grouped by class, shuffled within
    # Every (n / n_test)-th of the class-grouped order goes to test: exactly n_test, each class
    # within one of its share -- a stratified split without rounding trouble.
    k = np.arange(n)
    is_test = (k + 1) * (n - n_train) // n > k * (n - n_train) // n
    train, test = rng.permutation(order[~is_test]), rng.permutation(order[is_test])
    return FashionMNIST(X[train], y[train], X[test], y[test], source="sample")


def load_course_data(cache_dir: str | os.PathLike | None = None, download: bool = False,
                     sample_dir: str | os.PathLike | None = None, *, verbose: bool = True,
                     opener: Opener | None = None) -> FashionMNIST:
    """What the notebooks call: the full set if cached (downloading only if asked), else the sample.

    Prints which one it used (describe()), and why it fell back; the result's `source` says too.
    Raises FashionMNISTUnavailable with both reasons if neither can be had.
    """
    try:
        data = load_fashion_mnist(cache_dir, download=download, opener=opener)
    except FashionMNISTUnavailable as full_err:
        try:
            data = load_fashion_mnist_sample(sample_dir)
        except FashionMNISTUnavailable as sample_err:
            raise FashionMNISTUnavailable(f"Neither the full data set nor the sample is available.\n"
                                          f"Full: {full_err}\nSample: {sample_err}") from None
        if verbose:
            print(f"Full Fashion-MNIST not used: {str(full_err).splitlines()[0]}")
    if verbose:
        print(data.describe())
    return data


def to_tensors(X: np.ndarray, y: np.ndarray) -> tuple[torch.Tensor, torch.Tensor]:
    """Images (N, 28, 28) uint8 -> (N, 1, 28, 28) float32 in [0, 1]; labels (N,) -> int64 tensor."""
    import torch  # here, not at the top: the module must import fast and without torch

    if X.ndim != 3 or X.dtype != np.uint8:
        raise ValueError(f"X has shape {X.shape} and dtype {X.dtype}, expected (N, 28, 28) uint8")
    images = torch.from_numpy(X.astype(np.float32) / 255.0).unsqueeze(1)
    return images, torch.from_numpy(np.asarray(y, dtype=np.int64))
