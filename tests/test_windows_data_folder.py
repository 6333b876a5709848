"""On Windows the data folder (database, units' files, photographs) is in Local, not Roaming:
a roaming profile would copy the photographs to the server at every log-on."""
from __future__ import annotations

import pytest
from platformdirs import windows

from models.db import paths


@pytest.fixture
def windows_profile(tmp_path, monkeypatch):
    """platformdirs answering as on Windows, with %APPDATA% and %LOCALAPPDATA% in tmp_path."""
    monkeypatch.setenv("APPDATA", str(tmp_path / "AppData" / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    monkeypatch.setattr(windows, "_RESOLVE_WIN_FOLDER", windows.get_win_folder_from_env_vars,
                        raising=False)
    monkeypatch.setattr(windows, "get_win_folder", windows.get_win_folder_from_env_vars)
    monkeypatch.setattr(paths, "user_data_path",
                        lambda roaming=False: windows.Windows(roaming=roaming).user_data_path)
    return tmp_path / "AppData"


def test_a_new_user_gets_the_database_in_local_appdata(windows_profile):
    assert paths.default_database_path() == (windows_profile / "Local" / "SHSAMR" /
                                             "MetrologyDay" / "campaigns.sqlite3")


def test_a_database_already_in_roaming_is_used_where_it_is(windows_profile):
    old = windows_profile / "Roaming" / "SHSAMR" / "MetrologyDay" / "campaigns.sqlite3"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"")
    assert paths.default_database_path() == old
