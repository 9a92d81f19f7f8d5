"""storyline: turn a pile of messy news articles into a sourced account.

    >>> import storyline
    >>> result = storyline.build(["examples/demo"])          # doctest: +SKIP
    >>> for story in result.stories: ...

``build(paths, out_dir=None)`` returns a :class:`storyline.pipeline.Result` with ``articles``, ``entities``,
``events``, ``claims`` and ``stories``; every event source and claim carries (article id, start, end).
"""
from __future__ import annotations

__version__ = "0.1.0"

from .pipeline import Result, build  # noqa: E402

__all__ = ["build", "Result", "__version__"]
