"""Which database a data folder uses (core.database_url): the URL rule every entry point shares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mediation_desktop.core.database_url import (
    ENV_DATABASE_URL,
    configured_database_url,
    masked,
    normalise_database_url,
    save_database_url,
    stored_database_url,
)
from mediation_desktop.core.errors import UserError


@pytest.mark.parametrize("given_url", ["postgresql://u:p@db.example:5432/district",
                                       "postgres://u:p@db.example:5432/district",
                                       "POSTGRESQL+psycopg://u:p@db.example:5432/district"])
def test_postgres_spellings_normalise_to_the_shipped_driver(given_url):
    assert normalise_database_url(f"  {given_url} ") == "postgresql+psycopg://u:p@db.example:5432/district"


@pytest.mark.parametrize(("bad", "words"), [
    ("", "为空"), ("sqlite:///x.db", "不支持"), ("mysql://u@h/db", "不支持"), ("postgresql:///db", "服务器"),
    ("postgresql://h:5432/", "数据库名"), ("postgresql://h:abc/db", "端口"), ("postgresql://h:70000/db", "端口"),
    ("postgresql://h/a/b", "数据库名"), ("postgresql://h/d\tb", "控制字符"), ("postgresql://h/" + "d" * 3000, "过长"),
])
def test_bad_urls_are_refused_with_one_code(bad, words):
    with pytest.raises(UserError) as err:
        normalise_database_url(bad)
    assert err.value.code == "E_DATABASE_URL" and words in err.value.message


@given(st.text(max_size=120))
def test_any_text_is_either_a_postgres_url_or_refused(text):
    try:
        url = normalise_database_url(text)
    except UserError as exc:
        assert exc.code == "E_DATABASE_URL"
    else:
        assert url.startswith("postgresql+psycopg://")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=4, max_size=30)
       .filter(lambda p: "@" not in p and "/" not in p and "?" not in p and "#" not in p))
def test_masked_never_shows_the_password(password):
    url = f"postgresql+psycopg://staff:{password}@10.0.0.5:5432/district"
    shown = masked(url)
    assert password not in shown.replace("10.0.0.5:5432", "").replace("postgresql+psycopg://staff:", "")
    assert shown in ("postgresql+psycopg://staff:***@10.0.0.5:5432/district", "（无法识别的地址）")


def test_order_is_option_then_environment_then_the_folder_setting(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATABASE_URL, raising=False)
    assert configured_database_url(tmp_path) is None
    save_database_url(tmp_path, "postgresql://a@folder/db")
    assert stored_database_url(tmp_path) == "postgresql://a@folder/db"
    assert configured_database_url(tmp_path) == "postgresql+psycopg://a@folder/db"
    monkeypatch.setenv(ENV_DATABASE_URL, "postgresql://a@env/db")
    assert configured_database_url(tmp_path) == "postgresql+psycopg://a@env/db"
    assert configured_database_url(tmp_path, "postgres://a@option/db") == "postgresql+psycopg://a@option/db"
    with pytest.raises(UserError):
        save_database_url(tmp_path, "mysql://x/y")   # a bad value is never stored
    assert stored_database_url(tmp_path) == "postgresql://a@folder/db"
    save_database_url(tmp_path, None)
    monkeypatch.delenv(ENV_DATABASE_URL)
    assert configured_database_url(tmp_path) is None
