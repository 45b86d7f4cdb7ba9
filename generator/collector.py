"""Python's cycle collector kept out of the way while a build makes and holds its objects.

The build creates hundreds of thousands of objects that live until its pages are written; a
full collection walks every one of them, and collections come more often as they pile up.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold back Python's cycle collector while the stages build the magazine's objects.

    Loading and rendering create hundreds of thousands of objects that all stay alive until
    the pages are written (YAML nodes, models, page views). Each full collection walks all of
    them, and collections come more often as they pile up: with 4,000 entries the collector
    took a fifth of the generator's time, growing faster than the entry count. Reference
    counting still frees everything that is not a cycle; the few cycles wait for the next
    collection after the stage.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def objects_set_aside() -> Iterator[None]:
    """Keep the collector from walking the generator's objects again while MkDocs builds.

    The magazine and the rendered pages stay alive until the build report is made, and MkDocs
    allocates enough to trigger many full collections, each of which would walk them all.
    Freezing moves every object alive now out of the collector's reach until the site is
    built; nothing is lost, they are collectable again afterwards.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
