from dutydesk.domain.center import CenterProfile, validate_center


def profile(**changes):
    values = dict(name="青石村党群服务中心", township="桃源镇", address="村部一楼",
                  public_phone="0571-63281234", supervision_phone="0571-63285678")
    values.update(changes)
    return CenterProfile(**values)


def test_complete_profile_is_valid_and_phones_are_normalised():
    p = profile(public_phone="138 0013 8000")
    assert validate_center(p) == {}
    assert p.public_phone == "13800138000"


def test_missing_and_malformed_fields_each_get_a_message():
    errors = validate_center(profile(name="  ", supervision_phone="12ab"))
    assert errors["name"] == "请填写服务中心名称"
    assert "电话号码格式不正确" in errors["supervision_phone"]
    assert set(errors) == {"name", "supervision_phone"}
