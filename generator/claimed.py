"""Which claim of a service an attempt is held against, and what wait it was promised.

A service's dated claims (`Service.claims` in `model`) say what it makes; an attempt is held
against the claim in force on the day it was submitted, in the magazine's time zone. The
wait promised to an attempt is its own `promised_wait` when the writer recorded one, else the
wait the service claimed that day.
"""

from __future__ import annotations

from datetime import date, timedelta, tzinfo

from .model import EntryData, Service, ServiceClaim


def claim_for(
    entry: EntryData, service: Service | None, zone: tzinfo | None
) -> ServiceClaim | None:
    """The claim an attempt is held against: the service's on the day it was submitted (in
    the magazine's time zone when it has one)."""
    if service is None:
        return None
    submitted = entry.submitted_at.astimezone(zone) if zone is not None else entry.submitted_at
    return claim_on(service, submitted.date())


def claim_on(service: Service, day: date) -> ServiceClaim | None:
    """The service's claim in force on `day`: the latest made on or before it, or None."""
    found = None
    for claim in service.claims:
        if claim.date <= day:
            found = claim
    return found


def promise_for(entry: EntryData, service: Service | None, zone: tzinfo | None) -> timedelta | None:
    """The wait an attempt was promised: the entry's own `promised_wait`, else the wait the
    service claimed on the day it was submitted."""
    if entry.promised_wait is not None:
        return entry.promised_wait
    claim = claim_for(entry, service, zone)
    return claim.wait if claim is not None else None
