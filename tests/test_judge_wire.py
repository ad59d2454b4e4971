"""The judge's wire format: the kernel's encoder and the judge's strict decoder, without a kernel.

The agent (kernel side) and the link (judge side) are paired here through their data alone: what
the kernel encodes comes back as the same values, twins update the judge's own objects in place,
and anything that is not data of the expected form is refused, never built.
"""

from __future__ import annotations

import json
import struct

import numpy as np
import pytest
import torch

from autograder.judge import agent, wire
from autograder.judge.link import Link, StudentCodeError, _student_error
from autograder.judge.proxies import install_kernel_module_class


@pytest.fixture
def link(tmp_path):
    install_kernel_module_class()
    made = Link(str(tmp_path / "judge.sock"))
    yield made
    made.close()


def round_trip(link, value, kernel=None):
    link.reset()  # a new agent numbers its twins afresh, as in each new cell
    kernel = kernel or agent.Agent({})
    header, blobs = kernel.encode(value)
    parsed, views = wire.unpack(agent.pack(header, blobs))
    return wire.Decoder(link, views).value(parsed[1])


def test_numbers_strings_tuples_and_dicts_come_back_equal_and_of_the_same_type(link):
    value = {"a": (1, 2.5, True, None, "x"), 3: [np.float64(1.5), np.int64(7)], ("m", "W"): -0.0}
    back = round_trip(link, value)
    assert back == value
    assert type(back[3][0]) is np.float64 and type(back[3][1]) is np.int64 and type(back["a"]) is tuple


def test_arrays_keep_shape_dtype_and_values(link):
    for array in [np.arange(12.0).reshape(3, 4), np.array([True, False]), np.zeros((0, 3), np.int32),
                  np.array(np.float32(2.5))]:
        back = round_trip(link, array)
        assert type(back) is np.ndarray and back.dtype == array.dtype and back.shape == array.shape
        assert np.array_equal(back, array)


def test_a_float_subclass_comes_back_as_a_plain_float(link):
    class Always(float):
        def __eq__(self, other):
            return True

    back = round_trip(link, Always(0.5))
    assert type(back) is float and back == 0.5 and back != 0.7


def test_objects_that_are_not_data_come_back_as_handles_not_objects(link):
    back = round_trip(link, lambda x: x)
    assert type(back).__name__ == "KernelObject"


def test_an_object_dtype_array_is_refused_by_the_kernels_encoder(link):
    with pytest.raises(TypeError, match="cannot be graded"):
        agent.Agent({}).encode(np.array([object()]))


def test_a_twin_array_changed_in_the_kernel_changes_the_judges_array_in_place(link):
    mine = np.zeros(3)
    kernel = agent.Agent({})
    entries, blob = link.pack((mine,))
    (theirs,), = [kernel.unpack_call(entries, blob)]
    theirs[1] = 5.0
    header, blobs = kernel.encode(None, states_of=list(entries))
    parsed, views = wire.unpack(agent.pack(header, blobs))
    decoder = wire.Decoder(link, views)
    for k, node in parsed[2]:
        decoder.value(node)
    assert mine.tolist() == [0.0, 5.0, 0.0]


def test_a_module_of_an_allowed_torch_class_is_rebuilt_by_the_judge_with_its_weights(link):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.ReLU())
    back = round_trip(link, model)
    assert type(back) is torch.nn.Sequential and type(back[0]) is torch.nn.Linear
    assert torch.equal(back[0].weight, model[0].weight) and back[0].in_features == 2


@pytest.mark.parametrize("header", [
    ["ok", ["x", 1], []],                                      # an unknown tag
    ["ok", ["a", "object", [1], 0], []],                       # a dtype that is not numeric
    ["ok", ["a", "float64", [2], 0], []],                      # a blob of the wrong size
    ["ok", ["a", "float64", [-1], 0], []],                     # a negative dimension
    ["ok", ["s", "float64", 5], []],                           # a blob that does not exist
    ["ok", ["N", -1, "module", {"cls": "os.system", "training": True, "params": [], "buffers": [],
                                "modules": [], "attrs": [["forward", 1]]}], []],  # a forbidden attribute
])
def test_replies_that_do_not_fit_the_schema_are_refused(link, header):
    with pytest.raises(wire.WireError):
        parsed, views = wire.unpack(agent.pack(header, [b"\0" * 8]))
        wire.Decoder(link, views).value(parsed[1])


def test_trailing_or_truncated_bytes_are_refused():
    good = agent.pack(["ok", None, []], [b"abc"])
    with pytest.raises(wire.WireError):
        wire.unpack(good + b"x")
    with pytest.raises(wire.WireError):
        wire.unpack(good[:-1])
    with pytest.raises(wire.WireError):
        wire.unpack(struct.pack("!I", 3) + b"{{{" + struct.pack("!I", 0))


def test_the_students_exceptions_cross_as_builtin_classes_or_as_plain_errors():
    assert type(_student_error(["err", "ValueError", "ValueError", "bad", ""])) is ValueError
    error = _student_error(["err", "Exception", "MyError", "oops", ""])  # a class of the student's own
    assert type(error) is Exception and "MyError: oops" in str(error)
    # SystemExit must not stop the judge: it becomes an ordinary error.
    assert type(_student_error(["err", "SystemExit", "SystemExit", "0", ""])) is StudentCodeError


def test_the_header_is_json_so_no_pickle_is_ever_read_from_the_kernel():
    header, blobs = agent.Agent({}).encode({"k": np.ones(2)})
    frame = agent.pack(header, blobs)
    (size,) = struct.unpack_from("!I", frame, 0)
    json.loads(frame[4:4 + size])


def test_only_the_warning_filters_a_test_sets_cross_to_the_kernel(link):
    import warnings

    from autograder.judge.link import filters_added

    class LibraryWarning(Warning):  # a filter of the worker's, for a class the kernel never imports
        pass

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=LibraryWarning)
        link.base_filters = list(warnings.filters)
        assert "filters" not in link._context()  # the worker's own filters stay in the worker
        warnings.simplefilter("error")  # what a test does to turn overflow warnings into errors
        added = link._context()["filters"]
        assert added == ("add", [("error", None, Warning, None, 0)], [])
        warnings.filterwarnings("ignore", category=UserWarning, append=True)
        assert filters_added(link.base_filters, warnings.filters)[2] == [("ignore", None, UserWarning, None, 0)]
        warnings.resetwarnings()  # removes the worker's too: the kernel gets the whole list
        assert filters_added(link.base_filters, warnings.filters) == ("replace", [], [])


def test_the_kernel_applies_the_tests_filters_over_its_own():
    import warnings

    kernel = agent.Agent({})

    def warns():
        warnings.warn("careful", RuntimeWarning)
        return 1

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the student's own filter
        assert kernel.call_in_context(warns, (), {}, {}) == 1
        with pytest.raises(RuntimeWarning):
            kernel.call_in_context(warns, (), {}, {"filters": ("add", [("error", None, Warning, None, 0)], [])})
        assert warnings.filters[0][0] == "ignore"  # the student's filters are theirs again afterwards
