"""The directive catalogues follow their schema and name a source for every item."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from kehoach_lib.directives import (
    DIRECTIVES_DIR,
    GROUPS,
    DirectiveError,
    list_directives,
    load_directive,
    validate_directive,
)


def test_catalogues_are_present():
    assert {"nq66", "qd933"} <= set(list_directives())


@pytest.mark.parametrize("name", ["nq66", "qd933"])
def test_catalogue_validates_and_every_item_names_its_source(name):
    data = yaml.safe_load((DIRECTIVES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
    assert validate_directive(data) == []
    reqs = load_directive(name)
    assert reqs.requirement_id.is_unique
    assert (reqs.source.str.len() > 10).all()
    assert set(reqs.group) <= set(GROUPS)


def test_nq66_records_the_stated_targets_and_deadlines():
    reqs = load_directive("nq66").set_index("requirement_id")
    assert reqs.loc["nq66.2025.business_conditions", "targets"].startswith("ít nhất 30%")
    assert "50%" in reqs.loc["nq66.2026.time_cost", "targets"]
    assert reqs.loc["nq66.task.statistics", "deadline"] == "2025-04-30"
    assert reqs.loc["nq66.task.restructuring", "deadline"] == "2025-12-31"
    # QĐ 933's text was not at hand: its one deadline is the end of the period its title names
    # ("6 tháng cuối năm 2023"), the same for every item
    assert (load_directive("qd933").deadline == "2023-12-31").all()


@pytest.mark.parametrize(
    "broken, problem",
    [
        ({"source": ""}, "empty source"),
        ({"group": "cooking"}, "unknown group"),
        ({"kind": "wish"}, "kind must be"),
        ({"deadline": "soon"}, "deadline must be a date"),
        ({"targets": [{"value": "many", "unit": "%"}]}, "target value must be a number"),
        # an unquoted comma in YAML's {of: a, b} makes "b" a key: the object was cut short (five of
        # NQ 66's targets were, until walkthrough 21d)
        ({"targets": [{"value": 100, "unit": "%", "of": "thông tin", "giấy tờ": None}]}, "unknown keys"),
        ({"must": ["phân cấp"]}, "must is a list"),
        ({"unless": "phân cấp ngân sách"}, "unless is a list"),
        ({"id": "other.x"}, "id must start"),
    ],
)
def test_schema_violations_are_reported(broken, problem):
    req = {"id": "x.a", "kind": "task", "group": "other", "text": "t", "source": "s",
           "deadline": dt.date(2025, 1, 1)}
    data = {"directive": "x", "number": "1/QĐ", "title": "t", "issuer": "i",
            "date": dt.date(2025, 1, 1), "requirements": [{**req, **broken}]}
    assert any(problem in p for p in validate_directive(data))


def test_unknown_catalogue_is_a_clear_error():
    with pytest.raises(DirectiveError, match="no directive catalogue"):
        load_directive("nq999")
