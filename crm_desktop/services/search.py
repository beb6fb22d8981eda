"""Normalized contact search over two FTS5 indexes of ``contact_search``.

Each live contact has one ``contact_search`` row holding its sort key and the search
key of its name, company, job title, city, emails and phones (E.164 digits and the
national form, so that "۰۹۱۲" finds "+98912..."). Query words of three characters or
more go through the trigram index (any part of a word); shorter ones match the start
of a word through the prefix index. Every word must match.

A query is cut into words where the prefix index cuts the text (FTS5 ``unicode61``:
letters and digits make words, anything else separates them), so punctuation typed
beside a word ("علی،", "(علی)", «علی», "رضایی-100") finds what the word alone finds.
Two kinds of word keep their punctuation meaningful: a phone number loses it
("0912-123-4567" is "09121234567"), and an email address (or the start of one) stays
whole, since the text holds it whole and the trigram index finds it there.

Ordering: few matches are sorted; many are found by walking the sort-key index in
order and keeping those that match, which stops as soon as a page is full.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from crm_desktop.locale import national_digits, search_key, to_ascii_digits
from crm_desktop.locale.text import text_key
from crm_desktop.models import Base, Company, Contact, ContactEmail, ContactPhone, ContactSearch
from crm_desktop.models.capture import indexing_paused

_PHONE_LIKE = re.compile(r"^\+?\d[\d\-().]*$")
# Where FTS5's unicode61 tokenizer splits text: anything but letters and digits
# (Python's \w also takes "_", which unicode61 does not).
_NOT_WORD = re.compile(r"[\W_]+")
# Punctuation around a typed word. "+" may start a phone number and "@" start or end
# part of an email address, so they stay for the checks below.
_AROUND_WORD = re.compile(r"^[^\w+@]+|[^\w@]+$")
# An email address or part of one ("ali.rezaei@", "@example.com"): ASCII around "@",
# as addresses are stored; "علی@" is a name with a stray character.
_EMAIL_LIKE = re.compile(r"^[\x21-\x7e]*(?:\w@|@\w)[\x21-\x7e]*$", re.ASCII)
TRIGRAM = 3
SEARCH_INDEXES = ("contact_fts", "contact_words")
# Sorting a match costs about this many index steps of a walk (see ``should_walk``).
SORT_COST = 10
REINDEX_CHUNK = 500


def search_body(
    first_name: str,
    last_name: str,
    *,
    company: str | None,
    job_title: str | None,
    city: str | None,
    phones: Iterable[str],
    emails: Iterable[str],
) -> str:
    parts = [first_name, last_name, company or "", job_title or "", city or ""]
    for phone in phones:
        parts.extend((phone.lstrip("+"), national_digits(phone)))
    parts.extend(emails)
    # One key of the whole text: the key is made character by character (and spaces
    # collapse), so this equals joining the parts' keys at a tenth of the cost.
    return text_key(" ".join(p for p in parts if p))


def query_words(query: str) -> list[str]:
    """Search key words of a query, cut where the index cuts words (see the module's
    docstring); phone numbers lose their punctuation, email addresses keep theirs."""
    words: list[str] = []
    for raw in search_key(to_ascii_digits(query)).split():
        token = _AROUND_WORD.sub("", raw)
        if _PHONE_LIKE.match(token):
            words.append(re.sub(r"\D", "", token))
        elif _EMAIL_LIKE.match(token):
            words.append(token)
        else:
            words.extend(word for word in _NOT_WORD.split(token) if word)
    return words


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _fts_matches(words: list[str]) -> list[tuple[str, str]]:
    """(index, MATCH expression) pairs that together select the query's matches."""
    long_words = [w for w in words if len(w) >= TRIGRAM]
    short_words = [w for w in words if len(w) < TRIGRAM]
    pairs = [
        ("contact_fts", " AND ".join(_quoted(w) for w in long_words)),
        ("contact_words", " AND ".join(_quoted(w) + "*" for w in short_words)),
    ]
    return [(index, match) for index, match in pairs if match]


def _match_select(index: str, match: str, column: ColumnElement[int]) -> Select[int]:
    return (
        select(column)
        .select_from(text(index))
        .where(text(f"{index} MATCH :{index}").bindparams(**{index: match}))
    )


def _conditions(words: list[str], *, walk: bool = False) -> list[ColumnElement[bool]]:
    # "doc_id + 0" keeps SQLite from looking matches up by rowid, so that it walks the
    # sort-key index instead.
    doc_id = ContactSearch.doc_id + 0 if walk else ContactSearch.doc_id
    rowid = literal_column("rowid", Integer)
    return [doc_id.in_(_match_select(index, m, rowid)) for index, m in _fts_matches(words)]


def match_conditions(query: str) -> list[ColumnElement[bool]]:
    """Conditions on ``ContactSearch`` selecting the contacts that match ``query``."""
    return _conditions(query_words(query))


def count_matches(session: Session, query: str | None) -> int:
    """How many live contacts match (all of them for an empty query)."""
    matches = _fts_matches(query_words(query or ""))
    if len(matches) == 1:
        # One index answers alone, without visiting a row per match.
        stmt = _match_select(*matches[0], func.count())
    else:
        stmt = select(func.count()).select_from(ContactSearch)
        stmt = stmt.where(*_conditions(query_words(query or "")))
    return session.scalar(stmt) or 0


def matching_ids_query(
    query: str | None, *, walk: bool, offset: int = 0, limit: int | None = None
) -> Select[str]:
    """Ids of live contacts matching ``query`` in list order, one page of them."""
    stmt = select(ContactSearch.contact_id)
    stmt = stmt.where(*_conditions(query_words(query or ""), walk=walk))
    return (
        stmt.order_by(ContactSearch.sort_key, ContactSearch.contact_id).offset(offset).limit(limit)
    )


def matching_ids(
    session: Session,
    query: str | None,
    *,
    offset: int = 0,
    limit: int | None = None,
    matches: int | None = None,
) -> list[str]:
    """One page of matching ids; ``matches`` passes a count the caller already has."""
    walk = should_walk(session, query, offset=offset, limit=limit, matches=matches)
    stmt = matching_ids_query(query, walk=walk, offset=offset, limit=limit)
    return list(session.scalars(stmt))


def should_walk(
    session: Session,
    query: str | None,
    *,
    offset: int = 0,
    limit: int | None = None,
    matches: int | None = None,
) -> bool:
    """Walk the sorted index keeping matches, or sort the matches: whichever is cheaper.

    Walking visits about ``(offset + limit) * total / matches`` index entries (all of
    them without a limit); sorting looks up and orders every match, which costs about
    ``SORT_COST`` times more per row (measured at 100,000 contacts).

    Without ``matches``, the exact count of a query using both indexes (a join of their
    matches, 9-56 ms on two words at 100,000 contacts) is not needed: each index is
    counted on its own (0.1-6 ms), and the matches of both lie between what the two
    counts allow (``match_bounds``). The cheaper plan is the same over that whole range
    whenever it is narrow or lies far from the point where the two plans cost the same;
    otherwise the count is estimated as if the words occurred independently, and there
    the two plans cost about the same anyway.
    """
    words = query_words(query or "")
    if not words:
        return True  # everything, already in order in the index
    # The highest key is a cheap stand-in for the number of rows (exact but for trash).
    total = session.scalar(select(func.max(ContactSearch.doc_id))) or 0
    if matches is None:
        counts = [
            session.scalar(_match_select(index, match, func.count())) or 0
            for index, match in _fts_matches(words)
        ]
        low, high = match_bounds(counts, total)
        if _walk_is_cheaper(low, total, offset, limit) == _walk_is_cheaper(
            high, total, offset, limit
        ):
            return _walk_is_cheaper(high, total, offset, limit)
        matches = _sampled_estimate(session, words, counts, low, high)
    return _walk_is_cheaper(matches, total, offset, limit)


def match_bounds(counts: list[int], total: int) -> tuple[int, int]:
    """The fewest and most contacts matching every index, from each index's count of
    matches among ``total`` rows: at most the smallest count, and at least what the
    counts force to overlap."""
    if not counts:
        return total, total
    high = min(counts)
    low = max(0, sum(counts) - (len(counts) - 1) * total)
    return min(low, high), high


# How many matches of the index with fewer are checked against the other one.
SAMPLE = 256


def _sampled_estimate(
    session: Session, words: list[str], counts: list[int], low: int, high: int
) -> int:
    """The matches of both indexes, estimated from the first ``SAMPLE`` matches of the
    index with fewer: the share of them the other index matches too. Words typed
    together are seldom independent ("ع رضایی": a first name and a last name), so the
    share is measured, each sampled row looked up in the other index by its rowid."""
    by_count = sorted(zip(counts, _fts_matches(words), strict=True), key=lambda pair: pair[0])
    (small, small_match), (big, big_match) = by_count[0][1], by_count[-1][1]
    sample = text(
        f"SELECT count(*), sum(EXISTS (SELECT 1 FROM {big} "
        f"WHERE {big} MATCH :big AND rowid = s.r)) "
        f"FROM (SELECT rowid AS r FROM {small} WHERE {small} MATCH :small LIMIT :n) AS s"
    )
    seen, kept = session.execute(
        sample, {"big": big_match, "small": small_match, "n": SAMPLE}
    ).one()
    if not seen:
        return low
    share: float = (kept or 0) / seen
    return max(low, min(high, round(high * share)))


def _walk_is_cheaper(matches: int, total: int, offset: int, limit: int | None) -> bool:
    # More matches only make walking cheaper (it stops sooner) and sorting dearer.
    if matches == 0:
        return False
    visited = total if limit is None else min(total, (offset + limit) * total / matches)
    return visited < matches * SORT_COST


def reindex_contacts(session: Session, contact_ids: Iterable[str]) -> None:
    """Rewrite the search rows of these contacts from their current data.

    Trashed contacts lose their row, so searches and counts never see them; a row
    whose text is what it was is left as it is. Over ``BULK_INDEX_ROWS`` contacts (an
    import undone or redone, a big restore), the index triggers wait
    (``indexing_paused``) and each chunk's rows go into the indexes in a few statements
    instead of one trigger run per row.
    """
    # In id order: ids grow with time, so a chunk's rows sit side by side on disk.
    ids = sorted(set(contact_ids))
    bulk = len(ids) > BULK_INDEX_ROWS
    with indexing_paused(session) if bulk else contextlib.nullcontext():
        docs: list[int] = []
        for start in range(0, len(ids), REINDEX_CHUNK):  # SQLite caps bound parameters
            docs += _reindex_chunk(session, ids[start : start + REINDEX_CHUNK], bulk=bulk)
        # The new bodies go into the indexes at the end, one statement per index: a
        # full-text index takes many rows at once far faster than a chunk at a time.
        _index_rows(session, docs, delete=False)


def _reindex_chunk(session: Session, ids: list[str], *, bulk: bool) -> list[int]:
    """Rewrite the search rows of these contacts; (in ``bulk``) the rows to index."""
    if not ids:
        return []
    session.execute(
        delete(ContactSearch).where(
            ContactSearch.contact_id.in_(
                select(Contact.id).where(Contact.id.in_(ids), Contact.deleted_at.is_not(None))
            )
        )
    )
    rows = session.execute(
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.sort_key,
            Company.name,
            Contact.job_title,
            Contact.city,
        )
        .outerjoin(Company, and_(Company.id == Contact.company_id, Company.deleted_at.is_(None)))
        .where(Contact.id.in_(ids), Contact.deleted_at.is_(None))
    ).all()
    phones: dict[str, list[str]] = {}
    for contact_id, number in session.execute(
        select(ContactPhone.contact_id, ContactPhone.number).where(
            ContactPhone.contact_id.in_(ids), ContactPhone.deleted_at.is_(None)
        )
    ):
        phones.setdefault(contact_id, []).append(number)
    emails: dict[str, list[str]] = {}
    for contact_id, address in session.execute(
        select(ContactEmail.contact_id, ContactEmail.address).where(
            ContactEmail.contact_id.in_(ids), ContactEmail.deleted_at.is_(None)
        )
    ):
        emails.setdefault(contact_id, []).append(address)
    existing = {
        contact_id: (doc_id, sort_key, body)
        for contact_id, doc_id, sort_key, body in session.execute(
            select(
                ContactSearch.contact_id,
                ContactSearch.doc_id,
                ContactSearch.sort_key,
                ContactSearch.body,
            ).where(ContactSearch.contact_id.in_(ids))
        )
    }
    changed: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for contact_id, first, last, sort_key, company, job, city in rows:
        body = search_body(
            first,
            last,
            company=company,
            job_title=job,
            city=city,
            phones=phones.get(contact_id, ()),
            emails=emails.get(contact_id, ()),
        )
        if contact_id in existing:
            doc, old_key, old_body = existing[contact_id]
            if (old_key, old_body) != (sort_key, body):
                changed.append({"doc": doc, "sort_key": sort_key, "body": body})
        else:
            added.append({"contact_id": contact_id, "sort_key": sort_key, "body": body})
    # Core statements, many rows each: restoring 50,000 contacts makes no ORM objects.
    table = Base.metadata.tables["contact_search"]
    docs: list[int] = [row["doc"] for row in changed]
    if changed and bulk:
        _index_rows(session, docs, delete=True)  # the old bodies leave the indexes
    if changed:
        session.execute(
            update(table)
            .where(table.c.doc_id == bindparam("doc"))
            .values(sort_key=bindparam("sort_key"), body=bindparam("body")),
            changed,
        )
    if added:
        session.execute(insert(table), added)
    if not bulk:
        return []
    docs += session.scalars(
        select(ContactSearch.doc_id).where(
            ContactSearch.contact_id.in_([row["contact_id"] for row in added])
        )
    ).all()
    return docs


def _index_rows(session: Session, docs: list[int], *, delete: bool) -> None:
    """Put these search rows into both indexes (or take their bodies out), as the
    paused triggers would have, one statement per index."""
    if not docs:
        return
    command = "'delete', " if delete else ""
    for index in SEARCH_INDEXES:
        target = f"{index}({index}, rowid, body)" if delete else f"{index}(rowid, body)"
        session.execute(
            text(
                f"INSERT INTO {target} SELECT {command}doc_id, body FROM contact_search "
                "WHERE doc_id IN (SELECT value FROM json_each(:docs))"
            ),
            {"docs": json.dumps(docs)},
        )


# Above this many rows, the indexes take them a chunk at a time instead of row by row
# through the triggers (about five times faster).
BULK_INDEX_ROWS = 1000


@contextlib.contextmanager
def bulk_search_rows(session: Session, rows: int) -> Iterator[None]:
    """Around inserting ``rows`` new search rows: when they are many, the insert
    trigger is paused and every row added meanwhile is indexed at the end."""
    if rows <= BULK_INDEX_ROWS:
        yield
        return
    before = last_search_row(session)
    with indexing_paused(session):
        yield
        for sql in INDEX_ROWS_AFTER:
            session.connection().exec_driver_sql(sql, (before,))


def last_search_row(session: Session) -> int:
    """The newest search row's ``doc_id``: the rows inserted later come after it."""
    return session.scalar(select(func.max(ContactSearch.doc_id))) or 0


# Indexing the search rows after a ``doc_id`` (one statement per index): what a big job
# does while the insert trigger leaves its rows alone.
INDEX_ROWS_AFTER = tuple(
    f"INSERT INTO {index}(rowid, body) SELECT doc_id, body FROM contact_search WHERE doc_id > ?"
    for index in SEARCH_INDEXES
)
