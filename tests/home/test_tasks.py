"""The contact email task: inline in tests, and through the database queue served by db_worker."""

import pytest

from home.tasks import send_contact_email
from tests.subprocesses import clean_env, run_python

ENQUEUE = """
from home.tasks import send_contact_email
result = send_contact_email.enqueue(
    subject="Message de test", body="Bonjour", from_email="site@example.org",
    to=["equipe@example.org"], reply_to=["visiteur@example.net"],
)
print(result.id)
"""


def test_contact_email_task_sends_one_message(mailoutbox):
    send_contact_email.call(
        subject="Objet",
        body="Texte",
        from_email="site@example.org",
        to=["equipe@example.org"],
        reply_to=["visiteur@example.net"],
    )
    [message] = mailoutbox
    assert message.to == ["equipe@example.org"]
    assert message.reply_to == ["visiteur@example.net"]


def test_contact_email_goes_to_the_email_queue():
    assert send_contact_email.queue_name == "email"


@pytest.fixture
def database_queue_env(tmp_path):
    return clean_env(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        VAR_DIR=str(tmp_path),
        TASKS_BACKEND="database",
        EMAIL_PROVIDER="file",
    )


def manage(*args, env):
    result = run_python(["manage.py", *args], env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_db_worker_sends_an_enqueued_contact_email(database_queue_env, tmp_path):
    manage("migrate", "--noinput", env=database_queue_env)
    manage("shell", "-c", ENQUEUE, env=database_queue_env)
    mail_dir = tmp_path / "mail"
    assert not mail_dir.exists() or not any(mail_dir.iterdir()), "sent before the worker ran"

    # The worker command the README gives for production, in batch mode.
    manage(
        "db_worker",
        "--queue-name",
        "default,email",
        "--batch",
        "--no-startup-delay",
        env=database_queue_env,
    )
    [mail_file] = mail_dir.iterdir()
    content = mail_file.read_text()
    assert "Subject: Message de test" in content
    assert "Reply-To: visiteur@example.net" in content
