"""Realistic residents' particulars: names (rare characters included), mobiles, ID numbers, groups.

Everything is drawn from a ``random.Random`` the caller seeds, so the same seed always gives the
same village.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from dutydesk.domain.idcard import check_digit

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")
GIVEN_CHARS = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉梅海燕春秀云飞林鹏辉宇浩然子轩"
    "欣怡梓涵雨萱俊杰文博思远佳琪晓东立新德福金凤桂香翠花永生"
)
# Characters outside GB2312 that are common in names: they break fonts and search that assume GB2312.
RARE_GIVEN = "堃喆昇犇淼燚玥赟翀昊垚鑫焱珺婧琇祎"
VILLAGE_GROUPS = tuple(
    f"{n}组" for n in ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
)
MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152",
                   "157", "158", "159", "177", "180", "181", "182", "187", "188", "189", "199")
# County-level region codes (GB/T 2260) of a few agricultural counties.
REGION_CODES = ("330523", "341522", "411523", "430521", "510923", "522422", "362329")


@dataclass(frozen=True)
class Person:
    name: str
    gender: str
    id_number: str
    birth_date: dt.date
    mobile: str
    village_group: str


def make_name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND_SURNAMES) if rng.random() < 0.01 else rng.choice(SURNAMES)
    pool = GIVEN_CHARS + (RARE_GIVEN if rng.random() < 0.15 else "")
    length = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(pool) for _ in range(length))


def make_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def make_id_number(rng: random.Random, birth: dt.date, gender: str) -> str:
    seq = rng.randrange(0, 100)
    sex_digit = rng.choice("13579" if gender == "男" else "02468")
    first17 = f"{rng.choice(REGION_CODES)}{birth:%Y%m%d}{seq:02d}{sex_digit}"
    return first17 + check_digit(first17)


def make_person(rng: random.Random, today: dt.date) -> Person:
    gender = rng.choice("男女")
    age_days = rng.randrange(18 * 365, 90 * 365)
    birth = today - dt.timedelta(days=age_days)
    return Person(
        name=make_name(rng),
        gender=gender,
        id_number=make_id_number(rng, birth, gender),
        birth_date=birth,
        mobile=make_mobile(rng),
        village_group=rng.choice(VILLAGE_GROUPS),
    )
