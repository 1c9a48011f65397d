"""A village roster (花名册) as villages send it, for the import tests: two title rows, synonym
headers, a 15-digit ID, rare characters in names, and faulty rows with known row numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dutydesk.domain.idcard import check_digit


def valid_id(first17: str) -> str:
    return first17 + check_digit(first17)


WANG_ID = valid_id("11010519800101001")  # 王𠀀, male (odd 17th digit)
LI_15 = "110105820202002"  # 李堃: an old 15-digit ID (1982-02-02, female)
LI_18 = "110105" + "19" + LI_15[6:] + check_digit("110105" + "19" + LI_15[6:])
ZHE_ID = valid_id("11010520050505003")  # 王喆
ZHAO_BAD = WANG_ID[:17] + ("0" if WANG_ID[17] != "0" else "1")  # 赵六: a wrong check digit
ZHAO_SON = valid_id("11010520100303005")
WU_ID = valid_id("11010519990909007")

HEADER = ["序号", "户主姓名", "姓名", "与户主关系", "公民身份号码", "联系电话", "组别", "家庭住址", "人员类别", "备注"]
ROWS: list[list[object]] = [
    [1, "王𠀀", "王𠀀", "户主", WANG_ID, "138 1234 0001", "一组", "青石村一组1号", "低保"],  # row 4
    [2, "王𠀀", "李堃", "妻", LI_15, "", "一组", "青石村一组1号", ""],  # row 5
    [3, "王𠀀", "王喆", "长子", ZHE_ID, "", "一组", "青石村一组1号", "留守儿童、读书"],  # row 6
    [4, "赵六", "赵六", "户主", ZHAO_BAD, "", "二组", "青石村二组8号", ""],  # row 7: bad check digit
    [5, "赵六", "赵小六", "子", ZHAO_SON, "", "二组", "青石村二组8号", ""],  # row 8: head faulty
    [6, "", "", "女", "", "", "二组", "", ""],  # row 9: no name
    [7, "孙七", "孙七", "本人", WANG_ID, "", "二组", "", ""],  # row 10: ID twice
    [8, "周八", "吴九", "女", WU_ID, "", "三组", "", ""],  # row 11: no such head
    [9, "钱十", "钱十", "户主", "", "１３９００００１１１１", "三组", "青石村三组3号", "残疾、五保"],  # row 12
    [10, None, "钱小十", "孙女", "", "", "三组", "青石村三组3号", ""],  # row 13: joins the head above
]
GOOD_ROWS = [4, 5, 6, 12, 13]
FAULTY = {7: "校验位", 8: "户主（第7行）有误", 9: "没有姓名", 10: "与第4行重复", 11: "找不到户主“周八”"}


def write_roster(path: Path, rows: list[list[object]] | None = None, header: list[str] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["青石村村民花名册"])
    sheet.append(["填报单位：青石村委会", None, None, "填报日期：2026年11月"])
    sheet.append(header or HEADER)
    for row in rows if rows is not None else ROWS:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path: Path, encoding: str, rows: list[list[object]] | None = None) -> Path:
    import csv

    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["青石村花名册"])
        writer.writerow(HEADER)
        for row in rows if rows is not None else ROWS:
            writer.writerow(["" if c is None else c for c in row])
    return path
