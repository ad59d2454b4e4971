"""Fashion-MNIST loader (week 8): IDX parsing, checksummed cached download, the real sample.

Offline and fast: downloads go through a fake opener (monkeypatched `fm.urlopen`), never the net.
"""

import gzip
import hashlib
import io
import socket
import urllib.error
from pathlib import Path

import numpy as np
import pytest

import dlcourse.fashion_mnist as fm

SAMPLE_COUNTS = (108, 89, 99, 112, 114, 83, 106, 102, 96, 91)


def idx_bytes(a: np.ndarray, magic: int | None = None) -> bytes:
    """An IDX file for uint8 array a (magic 0x0800 | ndim unless given)."""
    magic = 0x0800 | a.ndim if magic is None else magic
    header = magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in a.shape)
    return header + a.astype(np.uint8).tobytes()


def fake_files(n: int, seed: int) -> dict[str, bytes]:
    """Four small gzipped IDX files named like the official ones, with n images each."""
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, n, dtype=np.uint8)
    # mtime=0: the same bytes every time, so the MD5s are stable.
    gz = lambda a: gzip.compress(idx_bytes(a), mtime=0)  # noqa: E731
    return {"train-images-idx3-ubyte.gz": gz(X), "train-labels-idx1-ubyte.gz": gz(y),
            "t10k-images-idx3-ubyte.gz": gz(X[: n // 2]), "t10k-labels-idx1-ubyte.gz": gz(y[: n // 2])}


class FakeOpener:
    """Serves files by name (or raises `error`); records the URLs asked for."""

    def __init__(self, files: dict[str, bytes] | None = None, error: Exception | None = None):
        self.files, self.error, self.urls = files or {}, error, []

    def __call__(self, url: str, timeout: float):
        self.urls.append(url)
        assert timeout > 0, "downloads must have a timeout"
        if self.error is not None:
            raise self.error
        return io.BytesIO(self.files[url.rsplit("/", 1)[1]])


@pytest.fixture
def files(monkeypatch) -> dict[str, bytes]:
    """Fake official files, with MD5 patched to theirs; the env vars cleared."""
    data = fake_files(12, seed=0)
    monkeypatch.setattr(fm, "MD5", {k: hashlib.md5(v).hexdigest() for k, v in data.items()})
    monkeypatch.delenv(fm.CACHE_ENV, raising=False)
    return data


# ---- IDX parsing -------------------------------------------------------------------------------

@pytest.mark.parametrize("compress", [True, False], ids=["gzip", "raw"])
def test_read_idx_round_trips_images_and_labels(tmp_path, compress):
    """A valid IDX file (gzip or raw) parses to the same uint8 array and shape."""
    rng = np.random.default_rng(1)
    for a in (rng.integers(0, 256, (5, 28, 28), dtype=np.uint8), np.arange(7, dtype=np.uint8)):
        data = idx_bytes(a)
        path = tmp_path / f"x{a.ndim}"
        path.write_bytes(gzip.compress(data) if compress else data)
        got = fm.read_idx(path)
        assert got.dtype == np.uint8 and got.shape == a.shape, (got.dtype, got.shape, a.shape)
        assert np.array_equal(got, a)
        got[0] = 1  # writable: a copy, not a read-only view of the file's bytes


@pytest.mark.parametrize("data, message", [
    (idx_bytes(np.zeros((2, 3, 3), np.uint8), magic=0x00000903), "0x00000903"),  # int8 type code
    (idx_bytes(np.zeros((2, 3), np.uint8), magic=0x00000802), "0x00000802"),  # 2-D
    (b"\x12\x34\x56\x78" + bytes(8), "magic number"),
    (idx_bytes(np.zeros((2, 3, 3), np.uint8))[:-1], "truncated"),
    (idx_bytes(np.zeros((4,), np.uint8)) + b"\x00", "trailing bytes"),
    (b"\x00\x00\x08\x03\x00\x00\x00\x01", "header cut short"),
    (b"\x00\x00", "too short"),
    (gzip.compress(idx_bytes(np.zeros((4,), np.uint8)))[:-6], "not a valid gzip"),  # cut gzip
    (b"\x1f\x8b" + b"garbage" * 5, "not a valid gzip"),
])
def test_read_idx_rejects_malformed_files_naming_the_file(tmp_path, data, message):
    """Wrong magic, wrong dimension count, truncated, trailing bytes, bad gzip: a clear error."""
    path = tmp_path / "bad-idx.gz"
    path.write_bytes(data)
    with pytest.raises(fm.IDXFormatError) as info:
        fm.read_idx(path)
    assert message in str(info.value) and str(path) in str(info.value), str(info.value)


# ---- download and cache ------------------------------------------------------------------------

def test_offline_download_is_a_helpful_error_and_leaves_nothing(tmp_path, files):
    """No network: FashionMNISTUnavailable says what happened, which files, where, what to do."""
    opener = FakeOpener(error=urllib.error.URLError(socket.gaierror(-3, "Temporary failure")))
    with pytest.raises(fm.FashionMNISTUnavailable) as info:
        fm.load_fashion_mnist(tmp_path, opener=opener)
    msg = str(info.value)
    for needed in ("could not be downloaded", "Temporary failure", str(tmp_path),
                   "train-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", fm.MIRRORS[0],
                   fm.CACHE_ENV, "sample"):
        assert needed in msg, f"{needed!r} missing from the message:\n{msg}"
    assert len(opener.urls) == len(fm.MIRRORS), "every mirror tried once, then stop"
    assert list(tmp_path.iterdir()) == [], "no partial or temporary file may be left"


def test_timeout_through_the_module_level_opener(tmp_path, files, monkeypatch):
    """A socket timeout, injected by patching fm.urlopen, is reported the same way."""
    monkeypatch.setattr(fm, "urlopen", FakeOpener(error=TimeoutError("timed out")))
    with pytest.raises(fm.FashionMNISTUnavailable, match="timed out"):
        fm.download_fashion_mnist(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_corrupt_download_is_rejected_and_deleted(tmp_path, files):
    """A download whose MD5 is wrong raises ChecksumError; neither it nor a temp file remains."""
    corrupt = {k: v[:-1] + bytes([v[-1] ^ 0xFF]) for k, v in files.items()}  # one byte flipped
    with pytest.raises(fm.ChecksumError, match="expected") as info:
        fm.load_fashion_mnist(tmp_path, opener=FakeOpener(corrupt))
    assert isinstance(info.value, fm.FashionMNISTUnavailable)
    assert list(tmp_path.iterdir()) == [], [p.name for p in tmp_path.iterdir()]


def test_download_writes_verified_files_once(tmp_path, files):
    """A good download lands under the official names; a second load does not download again."""
    opener = FakeOpener(files)
    data = fm.load_fashion_mnist(tmp_path / "cache", opener=opener)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(fm.MD5)
    assert len(opener.urls) == 4 and all(u.startswith(fm.MIRRORS[0]) for u in opener.urls)
    assert data.source == "full" and data.X_train.shape == (12, 28, 28) and data.X_test.shape == (6, 28, 28)
    assert data.y_train.dtype == np.int64 and data.X_train.dtype == np.uint8
    assert "full data set: 12 training and 6 test images" in data.describe()
    again = fm.load_fashion_mnist(tmp_path / "cache", opener=FakeOpener(error=AssertionError("no!")))
    assert np.array_equal(again.X_train, data.X_train)


def test_falls_back_to_second_mirror(tmp_path, files):
    """When the first mirror fails, the second one is used."""
    class FirstMirrorDown(FakeOpener):
        def __call__(self, url, timeout):
            if url.startswith(fm.MIRRORS[0]):
                raise urllib.error.HTTPError(url, 503, "Service Unavailable", None, None)
            return super().__call__(url, timeout)
    fm.download_fashion_mnist(tmp_path, opener=FirstMirrorDown(files))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(fm.MD5)


def test_bad_cached_file_is_reported_never_used(tmp_path, files):
    """A cached file with a bad MD5: an error without download, a warned re-download with it."""
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    bad = tmp_path / "train-labels-idx1-ubyte.gz"
    bad.write_bytes(b"not the file")
    with pytest.raises(fm.ChecksumError, match="train-labels-idx1-ubyte.gz has MD5"):
        fm.load_fashion_mnist(tmp_path, download=False, opener=FakeOpener(error=AssertionError()))
    opener = FakeOpener(files)
    with pytest.warns(UserWarning, match="bad cached file"):
        fm.load_fashion_mnist(tmp_path, opener=opener)
    assert [u.rsplit("/", 1)[1] for u in opener.urls] == [bad.name], "only the bad file again"
    assert bad.read_bytes() == files[bad.name]


def test_download_false_never_touches_the_network(tmp_path, files):
    """download=False with an empty cache: FashionMNISTUnavailable, no opener call, no folder."""
    opener = FakeOpener(files)
    with pytest.raises(fm.FashionMNISTUnavailable, match="not in the cache"):
        fm.load_fashion_mnist(tmp_path / "none", download=False, opener=opener)
    assert opener.urls == [] and not (tmp_path / "none").exists()


def test_env_var_sets_the_cache_dir(tmp_path, files, monkeypatch):
    """FASHION_MNIST_DIR is where files are looked for and downloaded when cache_dir is None."""
    monkeypatch.setenv(fm.CACHE_ENV, str(tmp_path / "env-cache"))
    assert fm.default_cache_dir() == tmp_path / "env-cache"
    fm.load_fashion_mnist(opener=FakeOpener(files))
    assert sorted(p.name for p in (tmp_path / "env-cache").iterdir()) == sorted(fm.MD5)
    monkeypatch.delenv(fm.CACHE_ENV)
    assert fm.default_cache_dir() == Path.home() / ".cache" / "dlcourse" / "fashion-mnist"


def test_to_tensors_shapes_and_range():
    """(N, 28, 28) uint8 -> (N, 1, 28, 28) float32 in [0, 1]; labels -> int64."""
    X = np.array([np.zeros((28, 28)), np.full((28, 28), 255)], dtype=np.uint8)
    X_t, y_t = fm.to_tensors(X, np.array([3, 7]))
    assert tuple(X_t.shape) == (2, 1, 28, 28) and str(X_t.dtype) == "torch.float32"
    assert float(X_t.min()) == 0.0 and float(X_t.max()) == 1.0 and str(y_t.dtype) == "torch.int64"


# ---- the real 1,000-image sample ---------------------------------------------------------------

@pytest.fixture
def sample_dir() -> Path:
    folder = fm.default_sample_dir()
    if not folder.is_dir():
        pytest.skip(f"Fashion-MNIST sample folder {folder} is absent (set {fm.SAMPLE_ENV})")
    return folder


def test_real_sample_shapes_counts_and_split(sample_dir):
    """The sample is 1000 real 28x28 images with the README's class counts, split 800/200."""
    X = fm.read_idx(sample_dir / "sample-images-idx3-ubyte.gz")
    y = fm.read_idx(sample_dir / "sample-labels-idx1-ubyte.gz")
    assert X.shape == (1000, 28, 28) and y.shape == (1000,)
    assert tuple(np.bincount(y, minlength=10)) == SAMPLE_COUNTS
    data = fm.load_fashion_mnist_sample(sample_dir)
    assert data.source == "sample" and data.X_train.shape == (800, 28, 28) and len(data.y_test) == 200
    counts = np.bincount(data.y_train, minlength=10) + np.bincount(data.y_test, minlength=10)
    assert tuple(counts) == SAMPLE_COUNTS
    share = np.bincount(data.y_test, minlength=10) - np.array(SAMPLE_COUNTS) * 0.2
    assert np.all(np.abs(share) <= 1), f"test split not stratified: {share}"
    assert "SAMPLE" in data.describe() and "not the 70,000" in data.describe(), data.describe()
    again = fm.load_fashion_mnist_sample(sample_dir)
    assert np.array_equal(again.y_train, data.y_train), "same seed, same split"


def test_course_data_uses_the_sample_when_not_cached(sample_dir, tmp_path, capsys):
    """load_course_data: nothing cached -> the sample, no download attempt, and it says so."""
    opener = FakeOpener(error=AssertionError("must not download"))
    data = fm.load_course_data(tmp_path, sample_dir=sample_dir, opener=opener)
    out = capsys.readouterr().out
    assert data.source == "sample" and "SAMPLE" in out and opener.urls == [], out


def test_course_data_neither_available_is_a_clear_error(tmp_path):
    """No cache and no sample: one error that gives both reasons."""
    with pytest.raises(fm.FashionMNISTUnavailable, match="Neither") as info:
        fm.load_course_data(tmp_path / "c", sample_dir=tmp_path / "no-sample", verbose=False)
    assert "no-sample" in str(info.value) and "download the four files" in str(info.value)
