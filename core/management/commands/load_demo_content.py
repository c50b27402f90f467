"""Build the demo site: each app's demo content (its builder in `<app>/demo/`, in the order of
settings.DEMO_BUILDERS), with its English translations through wagtail-localize, and an administrator
plus two editor accounts.

Idempotent: pages are looked up by slug and locale and republished only when their content differs
from what the builders would write; running it twice gives the same site, and prints the same
credentials.

Quiet: the INFO lines of the tasks run for each page (django-tasks) and of Wagtail's page log are
held back for the run (warnings and errors still show), so that it prints a short summary;
`--verbosity 2` shows them.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import Demo, DemoError, demo_builders, demo_password, ensure_user
from core.permissions import configure_editor_groups
from core.translation import TranslationMismatch

# The loggers that write a line per task or per published page.
CHATTY_LOGGERS = ("django_tasks", "wagtail")


@contextmanager
def quiet_loggers(names, level=logging.WARNING):
    """Raise the level of the loggers `names` to `level` for the block, then restore it."""
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, previous in zip(loggers, levels, strict=True):
            logger.setLevel(previous)


class Command(BaseCommand):
    help = (
        "Construit le site de démonstration (pages en français et leur traduction anglaise, menus, "
        "coordonnées, comptes de démonstration). Peut être relancée sans créer de doublons."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if self.verbosity >= 2:
            self.build_demo()
        else:
            with quiet_loggers(CHATTY_LOGGERS):
                self.build_demo()

    def build_demo(self):
        password = demo_password()
        editors, moderators = configure_editor_groups()
        builders = demo_builders()
        try:
            with transaction.atomic():
                admin = ensure_user(
                    "admin",
                    "admin@clausesociale34.fr",
                    password,
                    superuser=True,
                    first_name="Administrateur",
                )
                ensure_user(
                    "redactrice",
                    "redactrice@example.org",
                    password,
                    group=editors,
                    first_name="Rédactrice",
                    last_name="Démo",
                )
                ensure_user(
                    "moderateur",
                    "moderateur@example.org",
                    password,
                    group=moderators,
                    first_name="Modérateur",
                    last_name="Démo",
                )
                demo = Demo(admin)
                for builder in builders:
                    builder.prepare(demo)
            for builder in builders:
                builder.build(demo)
        except (DemoError, TranslationMismatch) as error:
            raise CommandError(str(error)) from error
        self.print_summary(demo.report, password)

    def print_summary(self, report, password):
        if self.verbosity == 0:
            return
        for label, titles in (
            ("Contenus créés", report["created"]),
            ("Contenus mis à jour", report["updated"]),
            ("Traductions anglaises publiées", report["translated"]),
        ):
            if titles:
                self.stdout.write(f"{label} : {', '.join(titles)}")
        if not any(report[key] for key in ("created", "updated", "translated")):
            self.stdout.write("Le site de démonstration est déjà à jour.")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"Site : {base}/ (français) et {base}/en/ (anglais)"))
        self.stdout.write(
            f"Administration : {base}/admin/  identifiant : admin  mot de passe : {password}"
        )
        self.stdout.write(
            f"Rédactrice (groupe Rédacteurs) : identifiant : redactrice  mot de passe : {password}"
        )
        self.stdout.write(
            f"Modérateur (groupe Modérateurs) : identifiant : moderateur  mot de passe : {password}"
        )
        # Accounts a builder adds (the network's members, say), one line each.
        for line in report.get("accounts", []):
            self.stdout.write(line)
