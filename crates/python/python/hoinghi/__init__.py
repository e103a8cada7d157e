"""Meetings, officials and documents from Vietnamese political news: the Hội Nghị extractor.

    >>> import hoinghi
    >>> record = hoinghi.extract("Sáng 17/6/2024, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban ...")
    >>> [o["name"] for o in record["officials"]]

``extract`` and ``extract_many`` return the record ``hoinghi extract`` prints, as a dict; ``decode`` reads a
file's bytes as the CLI does; ``merge`` is ``hoinghi merge``; ``tables`` turns records into the rows of three
tables (officials, meetings, documents), ready for pandas or Parquet.
"""

from ._hoinghi import DecodeError, HoinghiError, __version__, decode, extract, extract_many, merge
from .tables import COLUMNS, tables

__all__ = [
    "COLUMNS",
    "DecodeError",
    "HoinghiError",
    "__version__",
    "decode",
    "extract",
    "extract_many",
    "merge",
    "tables",
]
