"""The settings of each domain app, one block per app (the README's table lists each variable)."""

from .environment import env
from .mail import DEFAULT_FROM_EMAIL, EMAIL_PROVIDER

# Newsletter (see README, "Newsletter"): sender, batch size per provider call, and the limits of the
# subscribe form. The batch size follows the provider's batch API unless NEWSLETTER_BATCH_SIZE is set.
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_BATCH_SIZES = {
    "brevo": 1000,
    "mailjet": 50,
    "sendgrid": 1000,
    "postmark": 500,
    "amazon_ses": 50,
    "mailgun": 1000,
}
NEWSLETTER_BATCH_SIZE = int(
    env("NEWSLETTER_BATCH_SIZE", NEWSLETTER_BATCH_SIZES.get(EMAIL_PROVIDER, 20))
)
NEWSLETTER_MESSAGE_ID_DOMAIN = env(
    "NEWSLETTER_MESSAGE_ID_DOMAIN", DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ")
)
NEWSLETTER_SEND_LEASE_SECONDS = int(env("NEWSLETTER_SEND_LEASE_SECONDS", "600"))
NEWSLETTER_CONFIRMATION_MAX_AGE = 7 * 24 * 3600
# The key of the suppression list's hashes (newsletter.models.email_hash): required in production,
# never changed once set (derived from SECRET_KEY when empty, in development and tests).
NEWSLETTER_SUPPRESSION_KEY = env("NEWSLETTER_SUPPRESSION_KEY", "")
NEWSLETTER_RATE_LIMIT = env("NEWSLETTER_RATE_LIMIT", "5/10m")
# An address that bounces temporarily on this many consecutive sends is suppressed.
NEWSLETTER_SOFT_BOUNCE_LIMIT = int(env("NEWSLETTER_SOFT_BOUNCE_LIMIT", "3"))

# Contact form: this many posts per address and per window before the form answers "try later".
CONTACT_RATE_LIMIT = env("CONTACT_RATE_LIMIT", "5/10m")
# The longest message the contact form accepts (characters).
CONTACT_MESSAGE_MAX_LENGTH = int(env("CONTACT_MESSAGE_MAX_LENGTH", "5000"))
RATELIMIT_VIEW = "core.ratelimit.rate_limited"

# The procurement watch's BOAMP importer (tenders/boamp.py): the opendatasoft explore API v2.1.
BOAMP_API_URL = env("BOAMP_API_URL", "https://boamp-datadila.opendatasoft.com/api/explore/v2.1")
# The DECP file (essential data of notified contracts, format v2, JSON or consolidated CSV) read by
# `import_decp`: best a per-département export (the file is read whole). Empty: give --url.
DECP_URL = env("DECP_URL", "")
BOAMP_API_TIMEOUT = float(env("BOAMP_API_TIMEOUT", "30"))
BOAMP_API_RETRIES = int(env("BOAMP_API_RETRIES", "3"))
BOAMP_API_BACKOFF = float(env("BOAMP_API_BACKOFF", "2"))

# Agenda (events/): registrations are erased this many months after their event
# (`manage.py erase_past_registrations`), and the registration form takes this many posts per
# address and window.
EVENTS_REGISTRATION_RETENTION_MONTHS = int(env("EVENTS_REGISTRATION_RETENTION_MONTHS", "12"))
EVENTS_RATE_LIMIT = env("EVENTS_RATE_LIMIT", "5/10m")

# Directory (directory/): the map draws the shipped commune outlines and asks no other server, unless
# MAP_TILES_URL names a tile server ("https://tiles.example.org/{z}/{x}/{y}.png"), drawn under the
# outlines with MAP_TILES_ATTRIBUTION; the CSP then allows that server for images, on the map pages
# only. Correction proposals: posts per address and window, and days a pending one is kept.
MAP_TILES_URL = env("MAP_TILES_URL", "")
MAP_TILES_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION", "")
DIRECTORY_CORRECTION_RATE_LIMIT = env("DIRECTORY_CORRECTION_RATE_LIMIT", "5/10m")
DIRECTORY_CORRECTION_RETENTION_DAYS = int(env("DIRECTORY_CORRECTION_RETENTION_DAYS", "90"))
