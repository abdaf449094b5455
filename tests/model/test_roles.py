"""A list's role cell names a role by its key or any of its labels, in any case; where two
roles share a name, the first role given wins (``model.roles.match``)."""

from __future__ import annotations

from printkit.model.roles import BUILTIN, RoleDef, match, matcher

CMYK = (0.0, 0.0, 0.0, 1.0)


def test_a_key_or_a_label_in_any_case_and_spacing():
    assert match("  SPEAKER ", BUILTIN) == "speaker"
    assert match("deltager", BUILTIN) == "attendee"  # the Danish label
    assert match("nobody", BUILTIN) is None


def test_the_first_role_that_has_the_name_wins():
    roles = {
        "crew": RoleDef("crew", {"en": "Helper", "da": "Staff"}, CMYK),
        "staff": RoleDef("staff", {"en": "Staff"}, CMYK),
        "helper": RoleDef("helper", {"en": "Volunteer"}, CMYK),
    }
    find = matcher(roles)
    assert find("staff") == "crew"  # crew's Danish label comes before the staff role's key
    assert find("helper") == "crew"  # and its label before the helper role's key
    assert find("volunteer") == "helper"
    assert [find(v) for v in ("Staff", "HELPER")] == [match(v, roles) for v in ("Staff", "HELPER")]
