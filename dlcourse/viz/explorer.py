"""The shell every visualiser's view shares: controls beside a canvas, one way to show it, a
setup you can save and restore, a presenter size, and a readout screen readers announce.

A view subclasses `Explorer`, builds its controls and figure, and ends its `__init__` with
`self._finish(...)`, naming the controls that make up its state. Everything else is written once,
here:

- **Setups.** `setup()` writes the state as a short text, `dartboard?bias=0.5&variance=0.2`;
  `restore(text)` puts it back exactly (the same control values, so the same picture). A view
  with state no control holds (the steps a network has trained) adds it in `_extra_setup` and
  `_restore_extra`. Each view ships named setups the lecture notes use (`SETUPS`), and the
  "setup" box under the figure shows the current setup and takes a pasted one.
- **One calling convention.** `show_<visualiser>(data…, namespace=None, *, <student functions>,
  setup=None, controls=None, presenter=False, **settings)`. `launch` builds nothing under
  nbgrader, restores `setup` (a named setup or a setup text; under Voilà also the page's URL,
  `?dartboard=high+bias` or `?dartboard.bias=1.2`), shows only the `controls` named, and
  switches to presenter size.
- **Presenter size** scales the whole figure (text, markers and lines alike) to fill a
  1280×720 projector, with the controls beside, under or above it (whichever leaves the larger
  picture) and their text enlarged. Where the figure cannot grow (a wide figure under a tall
  panel), a view may enlarge its text, lines and markers inside it instead (`PRESENTER_MARKS`).
- **Changing controls from code.** `with self.quietly():` sets controls without their observers
  redrawing (they check `self.quiet`); `self.browser_echo(change)` tells a slider's rounded value
  coming back from the browser from a move (a restored setup is always a move).
- **Accessibility.** `live_readout()` is an HTML readout inside a `role="status"` live region,
  so a screen reader reads each new value; `description` is the figure's text alternative,
  read before the readout and hidden from sighted users (who see the figure).

Why one file of about 500 lines: every part works on the same shell (its controls, panel
and canvas); setups, presenter size and the URL are the shell's, written once for 16 views.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
import re
import urllib.parse
from typing import Callable, ClassVar

# A 1280×720 projector, less the browser's and the page's margins and the setup bar.
PRESENTER_BOX_PX = (1200, 640)
PRESENTER_FONT_PX = 18
PRESENTER_ROW_PX, PRESENTER_LINE_PX = 44, 27  # a row of controls, a line of a readout (estimates)
PRESENTER_MAX_SCALE = 2.0

# Inline, so it works the same in JupyterLab, Notebook 7 and Voilà without a front-end extension.
STYLE = f"""<style>
.dlc-presenter .widget-label, .dlc-presenter .widget-readout, .dlc-presenter select,
.dlc-presenter button, .dlc-presenter input, .dlc-presenter .widget-html-content,
.dlc-presenter .widget-label-basic {{ font-size: {PRESENTER_FONT_PX}px !important; }}
.dlc-presenter .dlc-column .widget-inline-hbox .widget-label {{ min-width: 8em; }}  /* aligned in a column */
/* Widths set for notebook-size text would cut the larger text short ("regen…") or squeeze a
   menu or slider to nothing: at presenter size every control sizes itself. */
.dlc-presenter button, .dlc-presenter .widget-inline-hbox:not(.widget-html),
.dlc-presenter .widget-inline-hbox .widget-label {{ width: auto !important; flex-shrink: 0; }}
.dlc-presenter .widget-inline-hbox .slider-container {{ min-width: 80px; }}
.dlc-presenter .widget-inline-hbox select {{ flex: 0 0 auto; }}
.dlc-presenter .widget-html-content table {{ font-size: 13px; }}  /* long tables: the picture must fit */
.dlc-sr-only {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
               clip: rect(0 0 0 0); white-space: nowrap; }}
.dlc-setup input {{ font-family: monospace; }}
</style>"""


def live_readout(value: str = ""):
    """An HTML readout whose text sits in a `role="status"` live region (announced on change)."""
    import ipywidgets as widgets
    import traitlets

    class LiveReadout(widgets.HTML):
        @traitlets.validate("value")
        def _in_live_region(self, proposal):
            text = proposal["value"]
            if text.startswith(_LIVE_OPEN):
                return text
            return f'{_LIVE_OPEN}{text}</div>'

    return LiveReadout(value)


_LIVE_OPEN = '<div role="status" aria-live="polite" aria-atomic="true">'


def text_alternative(description: str):
    """The figure's description for screen readers (hidden on screen), with the shared style."""
    import ipywidgets as widgets

    return widgets.HTML(f'{STYLE}<span class="dlc-sr-only">{html.escape(description)}</span>')


def _encode(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # 12 digits: 0.1 + 0.2 reads "0.3", not "0.30000000000000004"; no picture can tell them apart.
        return format(value, ".12g")
    return str(value)


def setup_text(**values) -> str:
    """Settings as a setup's text, "key=value&…", written as `setup()` writes them (views use it
    for their named setups)."""
    return "&".join(f"{key}={urllib.parse.quote(_encode(value), safe='.,-_:')}" for key, value in values.items())


def _choices(widget) -> list | None:
    """The values a menu, toggle or selection slider offers; None for free-valued controls."""
    values = getattr(widget, "_options_values", None)
    return None if values is None else list(values)


def _same_number(choice, text: str) -> bool:
    """A numeric choice written another way: "0.0" for 0, "1e-2" for 0.01."""
    if isinstance(choice, bool) or not isinstance(choice, (int, float)):
        return False
    try:
        return float(text) == choice
    except ValueError:
        return False


def _decode(widget, key: str, text: str):
    """The control value `text` stands for, or a ValueError saying what this control accepts."""
    choices = _choices(widget)
    if choices is not None:
        for choice in choices:
            if _encode(choice) == text or _same_number(choice, text):
                return choice
        offered = ", ".join(_encode(choice) for choice in choices)
        raise ValueError(f"The setup's {key}={text} is not one of this control's choices: {offered}.")
    current = widget.value
    try:
        if isinstance(current, bool):
            if text not in ("true", "false"):
                raise ValueError
            return text == "true"
        value = type(current)(text)
    except ValueError:
        kind = "true or false" if isinstance(current, bool) else (
            "a whole number" if isinstance(current, int) else "a number")
        raise ValueError(f"The setup's {key}={text} should be {kind}, like {_encode(current)}.") from None
    low, high = getattr(widget, "min", None), getattr(widget, "max", None)
    if low is None:
        return value
    if hasattr(widget, "base"):  # a log slider's min and max are exponents
        low, high = widget.base ** low, widget.base ** high
    # A setup writes 12 digits: an end of the range may come back a hair outside it.
    slack = 1e-9 * max(abs(low), abs(high), 1e-12)
    if not low - slack <= value <= high + slack:
        raise ValueError(f"The setup's {key}={text} is outside this control's range, {low:.3g} to {high:.3g}.")
    return min(max(value, low), high)


def _is_html(widget) -> bool:
    import ipywidgets as widgets

    return isinstance(widget, widgets.HTML)


def _estimated_height(widget) -> float:
    """A control panel's height in pixels at presenter size, estimated from its boxes: a column
    adds its children's heights, a row takes the tallest; an HTML readout counts as a few lines."""
    import ipywidgets as widgets

    children = getattr(widget, "children", None)
    if children is not None:
        heights = [_estimated_height(child) for child in children] or [0.0]
        return sum(heights) if isinstance(widget, widgets.VBox) else max(heights)
    if isinstance(widget, widgets.HTML):  # its lines, at the presenter font's line height
        lines = 1 + len(re.findall(r"<br|<tr|<div|<p|<li", widget.value))
        return lines * PRESENTER_LINE_PX
    return PRESENTER_ROW_PX


def setup_from_url(name: str, query: str | None = None) -> str | None:
    """This visualiser's setup in a page URL's query (Voilà gives the kernel QUERY_STRING).

    `?dartboard=high+bias` names a setup; `?dartboard.bias=1.2&dartboard.variance=0.1` spells one.
    """
    query = os.environ.get("QUERY_STRING", "") if query is None else query
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    named = [value for key, value in pairs if key == name]
    spelled = [(key[len(name) + 1:], value) for key, value in pairs if key.startswith(name + ".")]
    if named:
        return named[-1]
    if spelled:
        return f"{name}?{urllib.parse.urlencode(spelled)}"
    return None


def presenter_from_url(query: str | None = None) -> bool:
    """True when the page URL asks for presenter size for every visualiser: `?presenter=1`."""
    query = os.environ.get("QUERY_STRING", "") if query is None else query
    values = [value for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True) if key == "presenter"]
    return bool(values) and values[-1].lower() not in ("0", "false", "no", "off")  # "?presenter" alone: on


class Explorer:
    """The shell of a visualiser's view. Subclasses set `name`, `description`, and call `_finish`."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    SETUPS: ClassVar[dict[str, str]] = {}  # named setups, "short name": "key=value&key=value"
    # Presenter size: text, lines and markers at least this many times their built size. Where the
    # figure cannot grow so far, they grow inside it; a view whose layout leaves them room says so.
    PRESENTER_MARKS: ClassVar[float] = 1.0
    EXTRA_KEYS: ClassVar[tuple[str, ...]] = ()  # setup keys no control holds (see _extra_setup)

    fig = None
    widget = None
    marks = 1.0  # text, lines and markers, times their built size (presenter size raises it)

    # -- building -------------------------------------------------------------------------

    def _finish(self, controls: list, state: dict, *, canvas=None, actions: dict | None = None,
                panel: str = "left", panel_width: str | None = None) -> None:
        """Lay the view out and register its state.

        controls: the widgets of the control panel, in order (the readout among them).
        state: name → control, for every control whose value is part of a setup, in the order a
            setup is restored (a menu whose options depend on another control comes after it).
        actions: name → button, controls that act but hold no state (hidden by `controls=`).
        panel: "left" (a column beside the canvas) or "top" (rows above it).
        """
        import ipywidgets as widgets

        self._state = dict(state)
        self._actions = dict(actions or {})
        # Controls sharing one Layout would be hidden together by show_only: give each its own.
        seen = set()
        for control in (*self._state.values(), *self._actions.values()):
            if id(control.layout) in seen:
                control.layout = widgets.Layout(**{key: value for key, value in control.layout.get_state().items()
                                                   if not key.startswith("_")})
            seen.add(id(control.layout))
        self._panel_side, self._panel_width = panel, panel_width
        self._canvas = self.fig.canvas if canvas is None else canvas
        self._panel = widgets.Box(list(controls))
        self._body = widgets.Box()
        self._presenter, self._presenter_side = False, "below"
        self._arrange()
        description = text_alternative(self.description)
        self.setup_box = widgets.Text(description="setup", continuous_update=False,
                                      layout=widgets.Layout(width="560px", display="none"))
        self.setup_box.add_class("dlc-setup")
        self.setup_button = widgets.ToggleButton(description="setup", icon="link", value=False,
                                                 tooltip="show this picture's setup, or paste one")
        self.presenter_button = widgets.ToggleButton(description="presenter size", icon="desktop", value=False,
                                                     tooltip="text, lines and markers big enough for a lecture hall")
        self.setup_note = widgets.HTML()
        self.setup_button.observe(self._on_setup_button, names="value")
        self.presenter_button.observe(lambda change: self.set_presenter(change["new"]), names="value")
        self.setup_box.observe(self._on_setup_typed, names="value")
        for key, control in self._state.items():
            control.observe(self.refresh_setup_box, names="value")
            control.add_class(f"dlc-state-{key}")  # for the browser tests: which element is which
        bar = widgets.HBox([self.setup_button, self.presenter_button, self.setup_box, self.setup_note],
                           layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
        self.widget = widgets.VBox([description, self._body, bar])
        self.widget.add_class("dlc-explorer")

    def _arrange(self) -> None:
        """Put panel and canvas in the body: side by side (or panel on top), or presenter-style."""
        from ipywidgets import Layout

        # The children keep their order (panel, canvas) and only the flex direction changes: a
        # Box whose children are reordered rebuilds their views, and ipympl leaves the old canvas.
        panel_column = Layout(display="flex", flex_flow="column", flex="0 0 auto", width=self._panel_width)
        panel_rows = Layout(display="flex", flex_flow="row wrap", align_items="center")
        if self._presenter:
            self._body.add_class("dlc-presenter")
            side = self._presenter_side
        else:
            self._body.remove_class("dlc-presenter")
            side = "top" if self._panel_side == "top" else "left"
        column = side in ("left", "beside")
        self._panel.layout = panel_column if column else panel_rows
        if column:
            self._panel.add_class("dlc-column")
        else:
            self._panel.remove_class("dlc-column")
        direction = {"left": "row wrap", "beside": "row", "top": "column", "below": "column-reverse"}[side]
        self._body.layout = Layout(display="flex", flex_flow=direction, align_items="flex-start")
        if self._body.children != (self._panel, self._canvas):
            self._body.children = (self._panel, self._canvas)

    def show(self):
        """Display the explorer."""
        from IPython.display import display

        display(self.widget)

    # -- changing controls from code ----------------------------------------------------------

    _quiet_depth = 0
    _restoring = False

    @contextlib.contextmanager
    def quietly(self):
        """Set controls from code without their observers redrawing (the view redraws once, after):
        observers return early while `self.quiet` is true."""
        self._quiet_depth += 1
        try:
            yield
        finally:
            self._quiet_depth -= 1

    @property
    def quiet(self) -> bool:
        return self._quiet_depth > 0

    def browser_echo(self, change) -> bool:
        """True when a slider's change is only the browser sending back the value rounded to the
        slider's step (less than half a step away): not a move. Never while a setup is restored,
        whose values are exact."""
        owner, new, old = change["owner"], change["new"], change["old"]
        step = getattr(owner, "step", None)
        if self._restoring or not step or new is None or old is None:
            return False
        if hasattr(owner, "base"):  # a log slider steps its exponent
            if new <= 0 or old <= 0:
                return False
            return abs(math.log(new, owner.base) - math.log(old, owner.base)) < step / 2
        return abs(new - old) < step / 2

    # -- setups ---------------------------------------------------------------------------

    def _extra_setup(self) -> dict[str, str]:
        """State no control holds, as text (views with such state override this)."""
        return {}

    def _restore_extra(self, values: dict[str, str]) -> None:
        """Put back what `_extra_setup` wrote (called after the controls are restored)."""
        if values:
            raise ValueError(f"This visualiser has no setting called {', '.join(values)}.")

    def setup(self) -> str:
        """The current state as a short text that `restore` (and `setup=`) takes back."""
        values = {key: control.value for key, control in self._state.items()}
        return f"{self.name}?" + setup_text(**values, **self._extra_setup())

    def url_query(self) -> str:
        """The setup as a page URL's query, for a Voilà app: `?dartboard.bias=0.5&…`."""
        pairs = urllib.parse.parse_qsl(self.setup().split("?", 1)[1], keep_blank_values=True)
        return "?" + urllib.parse.urlencode([(f"{self.name}.{key}", value) for key, value in pairs])

    def _parse_setup(self, setup: str) -> list[tuple[str, str]]:
        text = self.SETUPS.get(setup.strip(), setup.strip())
        name, mark, query = text.partition("?")
        if not mark:
            name, query = self.name, text
        if name != self.name:
            raise ValueError(f"This setup is for the {name} visualiser, not the {self.name} one.")
        named = ", ".join(f'"{key}"' for key in self.SETUPS) or "none"
        try:
            pairs = urllib.parse.parse_qsl(query, keep_blank_values=True, strict_parsing=bool(query))
        except ValueError:  # no "key=value": a setup's name, misspelt
            raise ValueError(f"There is no setup called \"{setup.strip()}\". "
                             f"This visualiser's named setups: {named}.") from None
        known = set(self._state) | set(self.EXTRA_KEYS) | set(self._extra_setup())
        unknown = [key for key, _ in pairs if key not in known]
        if unknown:
            raise ValueError(f"This visualiser has no setting called {', '.join(unknown)}. "
                             f"Its settings: {', '.join(sorted(known))}. Named setups: {named}.")
        return pairs

    def restore(self, setup: str) -> None:
        """Put the state a `setup()` text (or a named setup) describes back; keys left out stay.

        A setup that does not fit (an unknown key, a value out of range) raises ValueError and
        leaves the explorer as it was.
        """
        pairs = self._parse_setup(setup)
        before = self.setup()
        try:
            self._apply_setup(pairs)
        except Exception:
            with contextlib.suppress(Exception):  # the setup's own error is the one to report
                self._apply_setup(self._parse_setup(before))
            raise

    def _apply_setup(self, pairs: list[tuple[str, str]]) -> None:
        self._restoring = True
        try:
            self._apply_values(pairs)
        finally:
            self._restoring = False

    def _apply_values(self, pairs: list[tuple[str, str]]) -> None:
        values = dict(pairs)
        for key, control in self._state.items():
            if key in values:
                value = _decode(control, key, values[key])
                if control.value != value:
                    control.value = value
        extra = {key: value for key, value in pairs if key not in self._state}
        self._restore_extra(extra)

    def _on_setup_button(self, change) -> None:
        self.setup_box.layout.display = None if change["new"] else "none"
        self.setup_note.value = ""
        self.refresh_setup_box()

    def refresh_setup_box(self, change=None) -> None:
        """Show the new setup in the setup box (views call it when state no control holds changes)."""
        if self.setup_button.value and not getattr(self, "_restoring_from_box", False):
            self.setup_box.value = self.setup()

    def _on_setup_typed(self, change) -> None:
        if getattr(self, "_restoring_from_box", False) or change["new"] == self.setup():
            return
        self._restoring_from_box = True
        try:
            self.restore(change["new"])
        except Exception as error:  # the pasted text stays, to be corrected
            self.setup_note.value = f"<i>{html.escape(str(error))}</i>"
            return
        finally:
            self._restoring_from_box = False
        self.setup_note.value = ""
        self.setup_box.value = self.setup()

    # -- what is shown ----------------------------------------------------------------------

    def show_only(self, names) -> None:
        """Hide every control but `names` (state or action names): a lesson's own choice."""
        every = {**self._state, **self._actions}
        unknown = [name for name in names if name not in every]
        if unknown:
            raise ValueError(f"This visualiser has no control called {', '.join(unknown)}. "
                             f"Its controls: {', '.join(every)}.")
        for name, control in every.items():
            control.layout.display = None if name in names else "none"

    def _presenter_layout(self) -> tuple[float, str]:
        """The figure's scale at presenter size, and where the panel goes: "beside" the canvas,
        "below" it as rows, or on "top" (views whose controls are rows already). The larger
        picture wins; the height a panel takes is estimated from its boxes and readout."""
        width, height = self.fig.get_size_inches() * self._dpi
        box_width, box_height = PRESENTER_BOX_PX
        panel_px = float(self._panel_width.removesuffix("px")) if self._panel_width else 320.0
        # Below the canvas, single controls sit side by side (the tallest counts) and a readout
        # takes a row of its own; a "top" panel's children are rows already, one under another.
        children = self._panel.children
        if self._panel_side == "top":
            strip = sum(_estimated_height(c) for c in children)
        else:
            strip = (max((_estimated_height(c) for c in children if not _is_html(c)), default=0.0)
                     + sum(_estimated_height(c) for c in children if _is_html(c)))
        options = [(min(box_width / width, (box_height - strip) / height), "below")]
        if self._panel_side == "top":
            options = [(options[0][0], "top")]
        else:
            options.append((min((box_width - panel_px) / width, box_height / height), "beside"))
        scale, side = max(options)
        return min(max(scale, 1.0), PRESENTER_MAX_SCALE), side

    def _restyled(self) -> list:
        """Artists whose line widths or marker sizes the view sets itself at each update (so
        presenter size leaves them alone); their text is still enlarged."""
        return []

    def set_presenter(self, on: bool = True) -> None:
        """Presenter size on or off: the figure scaled to a 1280×720 projector, controls under it."""
        if on == self._presenter:
            return
        self._presenter = on
        if self.presenter_button.value != on:
            self.presenter_button.value = on
        if not hasattr(self, "_dpi"):
            self._dpi = self.fig.get_dpi()
        scale, self._presenter_side = self._presenter_layout()
        self.fig.set_dpi(self._dpi * scale if on else self._dpi)
        # Where the figure cannot grow enough (a wide figure under a tall panel), what must be
        # read grows inside it instead: text, lines and markers at PRESENTER_MARKS in all.
        marks = max(1.0, self.PRESENTER_MARKS / scale) if on else 1.0
        if marks != self.marks:
            from dlcourse.viz.figure import scale_marks

            self.marks = marks
            scale_marks(self.fig, marks, skip=self._restyled())
            blitter = getattr(self, "blitter", None)
            if blitter is not None:
                blitter.forget()  # its kept pictures have the old text sizes
        self._arrange()
        self.fig.canvas.draw_idle()  # a full draw: the blitter's cached pictures are at the old size


def launch(build: Callable[[], Explorer], *, setup: str | None = None, controls=None,
           presenter: bool = False) -> Explorer | None:
    """Build, configure and display an explorer; None under nbgrader (no widgets there)."""
    from dlcourse.viz.figure import under_grading

    if under_grading():
        return None
    explorer = build()
    # An instructor's link wins over the notebook's own setup; a link that does not fit shows
    # the visualiser as it is, with the reason under it, instead of an error in place of it.
    from_url = setup_from_url(explorer.name)
    if from_url:
        try:
            explorer.restore(from_url)
        except ValueError as error:
            explorer.setup_note.value = f"<i>The link's setup was not used. {html.escape(str(error))}</i>"
    elif setup:
        explorer.restore(setup)
    if controls is not None:
        explorer.show_only(list(controls))
    if presenter or presenter_from_url():
        explorer.set_presenter(True)
    explorer.show()
    return explorer
