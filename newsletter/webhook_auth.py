"""Which credentials a provider's tracking webhook needs before it may be mounted. Plain Python, no
Django import: the production settings use it to refuse to start without them, and
`newsletter.webhooks` to refuse every post while they are missing (an unauthenticated webhook lets
anyone on the web suppress the whole list with forged bounces)."""

# Providers whose webhooks anymail verifies with a signature of their own: the key anymail reads
# (any one of them), in the ANYMAIL settings without the ANYMAIL_ prefix. Basic auth is then optional.
SIGNATURE_KEYS = {
    "mailgun": ("MAILGUN_WEBHOOK_SIGNING_KEY", "MAILGUN_API_KEY"),
    "postal": ("POSTAL_WEBHOOK_KEY",),
    "mandrill": ("MANDRILL_WEBHOOK_KEY",),
}

# EMAIL_PROVIDER values that are not anymail providers: no tracking webhook.
NOT_ANYMAIL = {"console", "file", "smtp", "locmem"}


def missing_webhook_credentials(provider: str, anymail_settings: dict) -> list[str]:
    """The environment variables to set before `provider`'s tracking webhook may accept posts;
    empty when it is authenticated (ANYMAIL_WEBHOOK_SECRET, or the provider's signing key where
    anymail checks one)."""
    keys = SIGNATURE_KEYS.get(provider)
    if keys:
        if any(anymail_settings.get(key) for key in keys):
            return []
        return ["ANYMAIL_" + keys[0]]
    if anymail_settings.get("WEBHOOK_SECRET"):
        return []
    return ["ANYMAIL_WEBHOOK_SECRET"]
