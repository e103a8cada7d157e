"""Records as three flat tables (officials, meetings, documents): one row per official, meeting or document,
each with the article's ``source`` and ``published``. List fields (titles, roles, chairs...) stay lists, which
pandas and Parquet hold as they are. Pure Python: the same rows for the Dask example and for its check."""

from typing import Any, Dict, Iterable, List

# The columns of each table, in order. The values are the record's, unchanged.
COLUMNS: Dict[str, List[str]] = {
    "officials": ["source", "published", "province", "name", "titles", "titles_as_written", "roles"],
    "meetings": [
        "source",
        "published",
        "province",
        "date",
        "date_precision",
        "time_of_day",
        "kind",
        "name",
        "organizers",
        "chairs",
        "attendees",
        "places",
        "period",
    ],
    "documents": ["source", "published", "kind", "number", "date", "issuer"],
}


def tables(records: Iterable[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """The rows of the officials, meetings and documents tables (``COLUMNS``) for these records, in order."""
    rows: Dict[str, List[Dict[str, Any]]] = {name: [] for name in COLUMNS}
    for record in records:
        article = {"source": record.get("source"), "published": record.get("published"), "province": record.get("province")}
        for name, columns in COLUMNS.items():
            for item in record.get(name) or []:  # the table's name is the record's field
                both = {**item, **article}
                rows[name].append({c: both.get(c) for c in columns})
    return rows
