"""Type stubs of the Rust module (crates/python/src/lib.rs); the docstrings are the functions' own."""

from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

__version__: str

class HoinghiError(ValueError):
    """Input the extractor cannot use: a publish date that is not one, a record that is not one."""

class DecodeError(HoinghiError):
    """A file that cannot be read as an article (empty, binary, a PDF, a broken .docx...)."""

Record = Dict[str, Any]

def extract(
    text: str,
    published: Optional[str] = None,
    *,
    source: Optional[str] = None,
    with_text: bool = True,
) -> Record:
    """One article's record, the dict `hoinghi extract` prints (spans index record["text"] in code points)."""

def extract_many(
    texts: Iterable[str],
    published: Union[None, str, Sequence[Optional[str]]] = None,
    threads: Optional[int] = None,
    *,
    sources: Optional[Sequence[Optional[str]]] = None,
    with_text: bool = True,
) -> List[Record]:
    """The records of many articles, in order, extracted on `threads` threads (default every core), GIL released."""

def decode(data: bytes, filename: str) -> str:
    """A file's bytes as text: any Vietnamese encoding, a saved web page, a .docx (the text only, not a page's
    metadata date). Raises DecodeError."""

def merge(records: Iterable[Union[Record, str]]) -> Dict[str, Any]:
    """People, meetings, documents and provinces across articles, as `hoinghi merge` prints them."""
