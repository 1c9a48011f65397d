"""N08: the wall guide and per-item flow charts, printed from the current catalogue (A4 and A3)."""

from __future__ import annotations

import dataclasses

import pytest
from pypdf import PdfReader

from dutydesk.cli import main
from dutydesk.domain.wall_guide import PLACEHOLDER, placeholders_in
from dutydesk.reports.wall_guide import GuideError, guide_data, render_guide
from dutydesk.store.notices import catalogue
from tests.conftest import TEST_CENTER


def fill_blanks(desk, keep: str = "") -> None:
    """What the center does before printing: every （请填写…） replaced by the real phone."""
    for version in catalogue.current_versions():
        item = version.item
        if placeholders_in(item) and item.code != keep:
            unit = dataclasses.replace(item.unit, phone=PLACEHOLDER.sub("0571-63281000", item.unit.phone))
            catalogue.save_item(dataclasses.replace(item, unit=unit), "王书记", desk.now(), "填写电话")


def text_of(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


@pytest.mark.parametrize("size", ["A4", "A3"])
def test_n08_wall_guide_lists_every_active_item_with_its_version(desk, tmp_path, size):
    catalogue.seed_default_catalogue(desk.who, desk.now())
    fill_blanks(desk)
    catalogue.retire_item("ZX-04", "王书记", desk.now(), "镇里统一办理")
    path = render_guide(guide_data(TEST_CENTER, desk.today()), tmp_path / f"guide-{size}.pdf", size)
    reader = PdfReader(str(path))
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if size == "A4" else 842)
    text = text_of(path)
    active = catalogue.current_versions()
    assert len(active) == 29
    for version in active:
        assert f"{version.code}{version.name}" in text  # the guide entry
        assert f"{version.name}办事流程图" in text  # and its flow chart
        assert f"第{version.version}版" in text
    assert "市场与就业信息咨询" not in text  # retired
    assert "目录版本：2026年11月24日（共29项）" in text
    assert "5个工作日" in text and "不收费" in text and "本事项须经现场勘查" in text
    assert "请填写" not in text
    assert len(reader.pages) > len(active)  # one flow chart page per item after the guide


def test_n08_a_template_blank_refuses_printing_naming_the_item(desk, tmp_path):
    catalogue.seed_default_catalogue(desk.who, desk.now())
    with pytest.raises(GuideError) as err:
        render_guide(guide_data(TEST_CENTER, desk.today()), tmp_path / "g.pdf")
    assert "等29个事项" in str(err.value)
    fill_blanks(desk, keep="SB-01")
    with pytest.raises(GuideError) as err:
        render_guide(guide_data(TEST_CENTER, desk.today()), tmp_path / "g.pdf")
    assert str(err.value) == ("办事指南中还有未填写的内容：“城乡居民养老保险参保登记”（SB-01）的（请填写窗口电话）。"
                              "请先在办事指南目录中补充后再打印")
    assert not (tmp_path / "g.pdf").exists()


def test_n08_cli_print_guide_a3_and_refusal(desk, tmp_path, capsys):
    catalogue.seed_default_catalogue(desk.who, desk.now())
    folder = str(desk.folder.path)
    out = tmp_path / "指南.pdf"
    assert main(["print", "guide", "--out", str(out), "--data-dir", folder]) == 1
    assert "请填写" in capsys.readouterr().err and not out.exists()
    fill_blanks(desk)
    assert main(["print", "guide", "--out", str(out), "--size", "a3", "--data-dir", folder]) == 0
    assert "已生成办事指南（A3）" in capsys.readouterr().out
    assert "自来水故障报修联系" in text_of(out) and "退役军人优待证申领" in text_of(out)
    assert main(["print", "guide", "--out", str(out), "--size", "B5", "--data-dir", folder]) == 1
    assert "A4 或 A3" in capsys.readouterr().err
