"""Settings read from the environment: production refuses to start without its variables and passes
`check --deploy`; each scale-out service is switched on by its variable. Each case runs in a subprocess
with a clean environment, so that the settings module is imported afresh."""

import json
import secrets
import string

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from config.search import elasticsearch_backend
from tests.subprocesses import clean_env, run_python

PRODUCTION_ENV = {
    "ALLOWED_HOSTS": "example.org",
    "WAGTAILADMIN_BASE_URL": "https://example.org",
    "DEFAULT_FROM_EMAIL": "Clause sociale 34 <contact@example.org>",
    "EMAIL_PROVIDER": "smtp",
    "NEWSLETTER_SUPPRESSION_KEY": "a-key-for-the-suppression-list-hashes-0123456789",
    "PUBLICATION_DIRECTOR": "Camille Directrice",
    "SITE_HOST": "Hébergeur SAS, 1 rue de l'Exemple, 59100 Roubaix, 01 00 00 00 00",
}
REQUIRED = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "WAGTAILADMIN_BASE_URL",
    "DEFAULT_FROM_EMAIL",
    "NEWSLETTER_SUPPRESSION_KEY",
    "PUBLICATION_DIRECTOR",
    "SITE_HOST",
]


def random_secret_key(length=60):
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


@pytest.fixture
def production_env(tmp_path):
    return clean_env(
        SECRET_KEY=random_secret_key(),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VAR_DIR=str(tmp_path),
        **PRODUCTION_ENV,
    )


run = run_python


READ_SETTINGS = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({name: getattr(module, name) for name in sys.argv[2:]}, default=str))
"""


def read_settings(module, *names, **variables):
    """The values of `names` in settings module `module`, imported with `variables` set."""
    result = run(["-c", READ_SETTINGS, module, *names], clean_env(**variables))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def base_settings(*names, **variables):
    return read_settings("config.settings.base", *names, **variables)


# Production


@pytest.mark.parametrize("name", REQUIRED)
def test_production_refuses_to_start_without_a_required_variable(production_env, name):
    del production_env[name]
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert name in result.stderr.strip().splitlines()[-1]


def test_production_refuses_an_unknown_accessibility_status(production_env):
    production_env["ACCESSIBILITY_STATUS"] = "conforme"
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "ACCESSIBILITY_STATUS" in result.stderr.strip().splitlines()[-1]


def test_production_refuses_a_short_secret_key(production_env):
    production_env["SECRET_KEY"] = "trop-courte"
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("url", "attribution"),
    [
        ("http://tuiles.example.org/{z}/{x}/{y}.png", "© Exemple"),
        ("https://tuiles.example.org/tuile.png", "© Exemple"),
        ("https://tuiles.example.org/{z}/{x}/{y}.png", ""),
    ],
)
def test_production_refuses_a_tile_server_not_https_or_without_attribution(
    production_env, url, attribution
):
    production_env.update(MAP_TILES_URL=url, MAP_TILES_ATTRIBUTION=attribution)
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "MAP_TILES_URL" in result.stderr.strip().splitlines()[-1]


def test_production_starts_with_a_tile_server_and_its_attribution(production_env):
    production_env.update(
        MAP_TILES_URL="https://tuiles.example.org/{z}/{x}/{y}.png",
        MAP_TILES_ATTRIBUTION="© Exemple",
    )
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode == 0, result.stderr


def test_production_refuses_the_console_email_backend(production_env):
    del production_env["EMAIL_PROVIDER"]
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "EMAIL_PROVIDER" in result.stderr.strip().splitlines()[-1]


def test_production_refuses_a_provider_webhook_without_its_secret(production_env):
    production_env.update(EMAIL_PROVIDER="postmark", ANYMAIL_POSTMARK_SERVER_TOKEN="token")
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "ANYMAIL_WEBHOOK_SECRET" in result.stderr.strip().splitlines()[-1]


def test_production_refuses_mailgun_without_its_webhook_signing_key(production_env):
    production_env.update(
        EMAIL_PROVIDER="mailgun", ANYMAIL_WEBHOOK_SECRET="mics34:secret-for-the-webhook"
    )
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    assert "ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY" in result.stderr.strip().splitlines()[-1]


def test_production_starts_with_a_provider_and_its_webhook_secret(production_env):
    production_env.update(
        EMAIL_PROVIDER="brevo",
        ANYMAIL_BREVO_API_KEY="xkeysib-test",
        ANYMAIL_WEBHOOK_SECRET="mics34:secret-for-the-webhook",
    )
    values = json.loads(
        run(
            ["-c", READ_SETTINGS, "config.settings.production", "NEWSLETTER_WEBHOOK_PROVIDERS"],
            production_env,
        ).stdout
    )
    assert values == {"NEWSLETTER_WEBHOOK_PROVIDERS": ["brevo"]}


def test_production_starts_without_webhooks_when_they_are_switched_off(production_env):
    production_env.update(EMAIL_PROVIDER="postmark", NEWSLETTER_WEBHOOKS="false")
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode == 0, result.stderr


def test_production_refuses_a_misspelt_email_provider(production_env):
    production_env["EMAIL_PROVIDER"] = "brevoo"
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last_line
    assert "EMAIL_PROVIDER='brevoo' est inconnu" in last_line


def test_production_refuses_an_unknown_tasks_backend_naming_the_variable(production_env):
    production_env["TASKS_BACKEND"] = "bogus"
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last_line
    assert "TASKS_BACKEND='bogus' est inconnu" in last_line


def test_production_starts_with_every_variable_set(production_env):
    result = run(["-c", "import config.settings.production"], production_env)
    assert result.returncode == 0, result.stderr


def test_production_passes_the_deployment_checks(production_env):
    production_env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_turns_debug_off_and_cookies_secure(production_env):
    production_env["DEBUG"] = "true"
    values = json.loads(
        run(
            [
                "-c",
                READ_SETTINGS,
                "config.settings.production",
                "DEBUG",
                "SESSION_COOKIE_SECURE",
                "CSRF_COOKIE_SECURE",
                "SECURE_SSL_REDIRECT",
                "CSRF_TRUSTED_ORIGINS",
            ],
            production_env,
        ).stdout
    )
    assert values == {
        "DEBUG": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_SSL_REDIRECT": True,
        "CSRF_TRUSTED_ORIGINS": ["https://example.org"],
    }


# The embedded defaults


def test_defaults_use_sqlite_and_the_database_search(tmp_path):
    values = base_settings("DATABASES", "WAGTAILSEARCH_BACKENDS", VAR_DIR=str(tmp_path))
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["WAGTAILSEARCH_BACKENDS"] == {"default": {"BACKEND": "core.search.backends"}}


def test_defaults_run_tasks_inline_and_print_emails():
    values = base_settings("TASKS", "EMAIL_BACKEND", "CACHES", "STORAGES")
    assert (
        values["TASKS"]["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    )
    assert values["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["STORAGES"]["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


# Scale-out, one variable each


def test_postgres_database_url_selects_postgresql_and_french_search():
    values = base_settings(
        "DATABASES",
        "WAGTAILSEARCH_BACKENDS",
        DATABASE_URL="postgres://mics:secret@db.example:5432/mics34",
    )
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5432, "mics34")
    assert values["WAGTAILSEARCH_BACKENDS"]["default"] == {
        "BACKEND": "core.search.backends",
        "SEARCH_CONFIG": "french_unaccent",
    }


def test_postgresql_connections_plan_for_ssd_reads_unless_told_otherwise():
    """The planner's random_page_cost set for each connection (the search's GIN index chosen over a
    sequential scan); a value of the environment wins; `server` leaves the server's own."""
    url = "postgres://mics@db.example/mics34"
    values = base_settings("DATABASES", DATABASE_URL=url)
    assert values["DATABASES"]["default"]["OPTIONS"]["options"] == "-c random_page_cost=1.1"
    values = base_settings("DATABASES", DATABASE_URL=url, PG_RANDOM_PAGE_COST="2")
    assert values["DATABASES"]["default"]["OPTIONS"]["options"] == "-c random_page_cost=2.0"
    values = base_settings("DATABASES", DATABASE_URL=url, PG_RANDOM_PAGE_COST="server")
    assert "options" not in values["DATABASES"]["default"].get("OPTIONS", {})


def test_a_postgresql_connection_takes_the_planner_setting(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        # Only a PostgreSQL pass has a server to ask; the SQLite pass checks that nothing is sent.
        assert "options" not in connection.settings_dict.get("OPTIONS", {})
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"


def test_elasticsearch_url_selects_elasticsearch9_with_the_french_analyzer():
    values = base_settings("WAGTAILSEARCH_BACKENDS", ELASTICSEARCH_URL="http://es.example:9200")
    backend = values["WAGTAILSEARCH_BACKENDS"]["default"]
    assert backend["BACKEND"] == "core.search.backends.elasticsearch"
    assert backend["URLS"] == ["http://es.example:9200"]
    analyzer = backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]
    assert "asciifolding" in analyzer["filter"]


def test_elasticsearch_wins_over_the_postgresql_search():
    values = base_settings(
        "WAGTAILSEARCH_BACKENDS",
        ELASTICSEARCH_URL="http://es.example:9200",
        DATABASE_URL="postgres://mics@db.example/mics34",
    )
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == (
        "core.search.backends.elasticsearch"
    )


def test_tasks_backend_database_selects_the_database_queue():
    values = base_settings("TASKS", TASKS_BACKEND="database")
    assert values["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "email" in values["TASKS"]["default"]["QUEUES"]


def test_unknown_tasks_backend_is_refused():
    result = run(["-c", "import config.settings.base"], clean_env(TASKS_BACKEND="celery"))
    assert result.returncode != 0
    assert "celery" in result.stderr


def test_brevo_email_provider_selects_anymail_with_its_key():
    values = base_settings(
        "EMAIL_BACKEND", "ANYMAIL", EMAIL_PROVIDER="brevo", ANYMAIL_BREVO_API_KEY="xkeysib-test"
    )
    assert values["EMAIL_BACKEND"] == "anymail.backends.brevo.EmailBackend"
    assert values["ANYMAIL"] == {"BREVO_API_KEY": "xkeysib-test"}


def test_brevo_email_backend_can_be_imported():
    from django.utils.module_loading import import_string

    assert import_string("anymail.backends.brevo.EmailBackend")


def test_smtp_email_provider_reads_the_server_address():
    values = base_settings(
        "EMAIL_BACKEND",
        "EMAIL_HOST",
        "EMAIL_PORT",
        "EMAIL_USE_TLS",
        EMAIL_PROVIDER="smtp",
        EMAIL_HOST="smtp.example",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
    )
    assert values == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example",
        "EMAIL_PORT": 587,
        "EMAIL_USE_TLS": True,
    }


def test_cache_url_selects_redis():
    values = base_settings("CACHES", CACHE_URL="redis://cache.example:6379/0")
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.example:6379/0"


def test_bucket_name_selects_s3_storage_and_stops_serving_media():
    values = base_settings(
        "STORAGES",
        "SERVE_MEDIA",
        AWS_STORAGE_BUCKET_NAME="mics34-media",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
    )
    default = values["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "mics34-media"
    assert default["OPTIONS"]["endpoint_url"] == "https://s3.fr-par.scw.cloud"
    assert values["SERVE_MEDIA"] is False


def test_s3_storage_backend_can_be_imported():
    from django.utils.module_loading import import_string

    assert import_string("storages.backends.s3.S3Storage")


# What Wagtail's Elasticsearch 9 backend would send (building it contacts no server)


@pytest.fixture
def elasticsearch():
    params = elasticsearch_backend("http://es.invalid:9200", "test_")
    return get_search_backend(params.pop("BACKEND"), **params)


def test_elasticsearch_index_analyzes_french_by_default(elasticsearch):
    analysis = elasticsearch.settings["settings"]["analysis"]
    filters = analysis["analyzer"]["default"]["filter"]
    assert "asciifolding" in filters
    assert "lowercase" in filters
    stemmers = [
        analysis["filter"][name]
        for name in filters
        if analysis["filter"].get(name, {}).get("type") == "stemmer"
    ]
    assert [stemmer["language"] for stemmer in stemmers] == ["light_french"]


def test_elasticsearch_index_removes_french_elision_before_stemming(elasticsearch):
    analysis = elasticsearch.settings["settings"]["analysis"]
    filters = analysis["analyzer"]["default"]["filter"]
    elision = filters.index("french_elision")
    assert analysis["filter"]["french_elision"]["type"] == "elision"
    assert "l" in analysis["filter"]["french_elision"]["articles"]
    assert elision < filters.index("french_stemmer")


def test_elasticsearch_index_keeps_wagtails_autocomplete_analyzers(elasticsearch):
    analyzers = elasticsearch.settings["settings"]["analysis"]["analyzer"]
    assert {"default", "edgengram_analyzer", "ngram_analyzer"} <= set(analyzers)


def test_elasticsearch_text_fields_use_the_default_french_analyzer(elasticsearch):
    from home.models import ContentPage

    properties = elasticsearch.mapping_class(ContentPage).get_mapping()["properties"]
    assert properties["_all_text"]["type"] == "text"
    assert "analyzer" not in properties["_all_text"]


def test_elasticsearch_query_sends_the_words_for_the_server_to_analyze(elasticsearch, db):
    results = elasticsearch.search("marchés réservés", Page)
    query = json.dumps(results.query_compiler.get_query(), ensure_ascii=False)
    assert "marchés réservés" in query
    assert "_all_text" in query


def test_elasticsearch_query_with_and_operator_requires_every_word(elasticsearch, db):
    results = elasticsearch.search("marchés réservés", Page, operator="and")
    query = json.dumps(results.query_compiler.get_query())
    assert '"operator": "and"' in query
