"""Sign-in: django-axes lockouts, two-factor authentication, password rules."""

from datetime import timedelta

from .environment import env, env_bool, env_list

# Admin logins (config.accounts): django-axes locks an account, and an IP address, out after
# ADMIN_LOGIN_FAILURE_LIMIT failed logins for ADMIN_LOGIN_COOLOFF_MINUTES; password reset requests are
# throttled.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
ADMIN_LOGIN_FAILURE_LIMIT = int(env("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
ADMIN_LOGIN_COOLOFF_MINUTES = int(env("ADMIN_LOGIN_COOLOFF_MINUTES", "15"))
AXES_FAILURE_LIMIT = ADMIN_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=ADMIN_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.accounts.client_ip"
AXES_LOCKOUT_CALLABLE = "config.accounts.locked_out"
AXES_VERBOSE = False
ADMIN_PASSWORD_RESET_RATE_LIMIT = env("ADMIN_PASSWORD_RESET_RATE_LIMIT", "5/h")

# Two-factor authentication (core.twofactor, django-otp): a TOTP application and recovery codes.
# Required for the groups of TWO_FACTOR_REQUIRED_GROUPS (moderators by default) and superusers,
# offered to everyone else from the account menu; the admins refuse unverified sessions of people
# who have a device or must have one. Each wrong code doubles the wait before the next try.
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS", "Modérateurs")
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = env_bool("TWO_FACTOR_REQUIRED_FOR_SUPERUSERS", True)
TWO_FACTOR_PROTECTED_PATHS = ["/admin/", "/django-admin/"]
TWO_FACTOR_DEVICE_NAME = "Application d'authentification"
TWO_FACTOR_RECOVERY_NAME = "Codes de secours"
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "MICS 34")
# The network's space (members/): two-factor authentication is offered to every member and required
# for the groups with access to personal data (the coordination team sees every member and contract).
MEMBERS_TWO_FACTOR_REQUIRED_GROUPS = env_list(
    "MEMBERS_TWO_FACTOR_REQUIRED_GROUPS", "Coordination MICS 34"
)
# Members-only pages (Wagtail's privacy by group) send visitors to the members' sign-in.
WAGTAIL_FRONTEND_LOGIN_URL = "members:login"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
