"""What an operation changed, by kind of record (as Anki's OpChanges): the GUI's task runner
announces it after the operation succeeded and each page refreshes only for the kinds it shows,
so no caller has to remember whom to tell."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    cases: bool = False        # case records: lists, the desk, the case detail
    documents: bool = False    # generated documents and signed scans
    notices: bool = False      # the district's notices and remarks
    settings: bool = False     # this organisation's settings
    users: bool = False        # accounts
    sync: bool = False         # peers, packages, conflicts

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(f.name for f in fields(self) if getattr(self, f.name))


NOTHING = Changes()
CASES = Changes(cases=True)
DOCUMENTS = Changes(documents=True)
NOTICES = Changes(notices=True)
SETTINGS = Changes(settings=True)
USERS = Changes(users=True)
SYNC = Changes(sync=True)
# A sync import or a restore can bring any kind of record.
EVERYTHING = Changes(**{f.name: True for f in fields(Changes)})
