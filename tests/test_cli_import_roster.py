"""``dutydesk import residents FILE [--yes]`` (G02): a preview without --yes (exit 1, nothing
written), the good rows imported with it, the same file twice changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutydesk.cli import main
from dutydesk.commands.import_roster import CONFIRM
from dutydesk.desk import open_desk
from dutydesk.store.accounts.account import Account
from dutydesk.store.accounts.login import set_password
from dutydesk.store.audit import AuditEntry
from dutydesk.store.duty.staff import StaffInput, add_staff
from dutydesk.store.grid.area import AreaDraft, create_area
from dutydesk.store.grid.household import Household
from dutydesk.store.visits.residents import Resident
from tests.roster_helpers import write_roster


@pytest.fixture
def books(desk):
    add = add_staff(StaffInput("赵委员", "两委委员", "13900000002"), desk.who, desk.now())
    create_area(AreaDraft("一组片区", add.id), desk.who, desk.now())
    desk.close()
    return str(desk.folder.path)


@pytest.fixture
def roster(tmp_path):
    return str(write_roster(tmp_path / "花名册.xlsx"))


def _count(folder, query):
    desk = open_desk_at(folder)
    try:
        return query()
    finally:
        desk.close()


def open_desk_at(folder):
    from dutydesk.store.datafolder import DataFolder

    return open_desk(DataFolder(Path(folder)))


def test_g02_without_yes_prints_the_preview_and_writes_nothing(books, roster, capsys):
    assert main(["import", "residents", roster, "--data-dir", books]) == 1
    out, err = capsys.readouterr()
    assert "表头在第3行" in out and "身份证号码←“公民身份号码”" in out
    assert "第7行（赵六）：身份证号码校验位不正确，请核对" in out
    assert "第9行：没有姓名" in out
    assert "15位身份证号码已升级为18位：第5行（李堃）" in out
    assert "将新建群众5人" in out
    assert CONFIRM in err and "--yes" in err
    assert _count(books, lambda: Resident.select().count()) == 0


def test_g02_with_yes_imports_and_a_second_run_changes_nothing(books, roster, capsys):
    assert main(["import", "residents", roster, "--yes", "--area", "一组片区", "--data-dir", books]) == 0
    out = capsys.readouterr().out
    assert "已导入：新建群众5人，补充已有群众0人，新建户2户，加入家庭成员3人" in out
    assert _count(books, lambda: [h.area.name for h in Household.select()]) == ["一组片区", "一组片区"]
    entries = _count(books, lambda: AuditEntry.select().count())
    assert main(["import", "residents", roster, "--yes", "--data-dir", books]) == 0
    assert "没有需要导入的变化" in capsys.readouterr().out
    assert _count(books, lambda: (Resident.select().count(), AuditEntry.select().count())) == (5, entries)


def test_g02_import_acts_as_the_identified_user(books, roster, capsys, monkeypatch):
    desk = open_desk_at(books)
    set_password(Account.get(Account.name == "王书记"), "1357", "测试", desk.now())
    desk.close()
    assert main(["import", "residents", roster, "--yes", "--data-dir", books]) == 1
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("DUTYDESK_PASSWORD", "1357")
    assert main(["import", "residents", roster, "--yes", "--user", "王书记", "--data-dir", books]) == 0
    actors = _count(books, lambda: {e.account for e in AuditEntry.select().where(AuditEntry.table_name == "resident")})
    assert actors == {"王书记"}


@pytest.mark.parametrize("args, message", [
    (["import", "residents", "nope.xlsx"], "找不到文件"),
    (["import", "residents", "{roster}", "--area", "无此片"], "没有名为“无此片”的片区"),
    (["import"], "请指明导入什么"),
])
def test_g02_mistakes_are_one_chinese_line(books, roster, capsys, args, message):
    args = [a.replace("{roster}", roster) for a in args]
    assert main([*args, "--data-dir", books]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_g02_a_file_that_is_no_roster_is_one_line(books, tmp_path, capsys):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["import", "residents", str(bad), "--data-dir", books]) == 1
    assert capsys.readouterr().err.startswith("错误：找不到表头")


def test_g02_a_refused_write_imports_nothing_and_says_why(books, roster, capsys, monkeypatch):
    from dutydesk.store import audit

    def closed_year(instance, action):
        if instance._meta.table_name == "household":
            raise audit.RecordLocked("该记录所在年度已归档，不能修改")

    monkeypatch.setattr(audit, "BEFORE_WRITE", [*audit.BEFORE_WRITE, closed_year])
    assert main(["import", "residents", roster, "--yes", "--data-dir", books]) == 1
    assert "已归档，不能修改。没有导入任何记录" in capsys.readouterr().err
    assert _count(books, lambda: Resident.select().count()) == 0
