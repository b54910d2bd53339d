"""A selection is never shown by colour alone."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.tui.conftest import home_loaded, make_app


async def test_highlighted_home_option_has_a_text_attribute() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        home = app.screen.query_one("#home-list", OptionList)
        highlighted = home.get_visual_style(
            "option-list--option", "option-list--option-highlighted"
        )
        plain = home.get_visual_style("option-list--option")
        assert highlighted.underline and not plain.underline
        assert home.highlighted is not None
