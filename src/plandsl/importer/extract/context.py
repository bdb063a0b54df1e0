"""The state shared by the extractors: the zoned lines, the draft being filled and which
lines have been placed (so that every other line is kept as a comment)."""

from __future__ import annotations

from attrs import field

from plandsl.core.records import define
from plandsl.importer.draft import Draft
from plandsl.importer.extract.zones import Zoned


@define
class Context:
    zoned: list[Zoned]
    draft: Draft = field(factory=Draft)
    placed: set[int] = field(factory=set)
    report_lines: set[int] = field(factory=set)  # placed by the reports; may also hold a duty

    def place(self, *items: Zoned) -> None:
        for z in items:
            self.placed.add(z.line.no)

    def unplace(self, z: Zoned) -> None:
        """Keep ``z`` as a comment after all: what was read from it does not say all it says."""
        self.placed.discard(z.line.no)

    def in_zone(self, *zones: str) -> list[Zoned]:
        return [z for z in self.zoned if z.zone in zones]

    def review(self, where: str, why: str) -> str:
        return f"{why} ({where})"
