"""The page cache on each of its two backends: the embedded default (pages in local memory, the
generation in a file every worker shares) and Redis (a throw-away redis-server on a free port)."""

import shutil
import subprocess
import time

import pytest

from tests.conftest import free_port


@pytest.fixture(scope="session")
def redis_url():
    """A redis-server of its own for the session, stopped at the end. Installed by
    `make system-deps`: a missing server fails the tests that need it, it never skips them."""
    binary = shutil.which("redis-server") or shutil.which("valkey-server")
    if binary is None:
        pytest.fail("redis-server (or valkey-server) is missing: run `make system-deps`")
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("redis-server did not answer")
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def _backends(backend, tmp_path, request):
    if backend == "redis":
        url = request.getfixturevalue("redis_url")
        import redis

        redis.Redis.from_url(url).flushdb()
        return {
            alias: {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": prefix,
            }
            for alias, prefix in (
                ("default", "mics34"),
                ("pages", "mics34-pages"),
                ("page_generation", "mics34-pages"),
            )
        }
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
        "page_generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "page-generation"),
        },
    }


@pytest.fixture(params=["embedded", "redis"])
def page_cache(request, settings, tmp_path):
    """The page cache switched on, on one backend, empty."""
    from django.core.cache import caches

    settings.CACHES = _backends(request.param, tmp_path, request)
    settings.PAGE_CACHE_ENABLED = True
    for alias in ("pages", "page_generation"):
        caches[alias].clear()
    yield request.param
    for alias in ("pages", "page_generation"):
        caches[alias].clear()


@pytest.fixture
def embedded_page_cache(settings, tmp_path, request):
    """The embedded default only (local memory: its entries can be counted)."""
    from django.core.cache import caches

    settings.CACHES = _backends("embedded", tmp_path, request)
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    return caches["pages"]
