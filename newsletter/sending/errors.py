"""What a provider's refusal turns into for the sending loop."""


class TransientProviderError(Exception):
    """The provider asked us to slow down or is down: try the same batch again later."""


class ProviderConfigurationError(Exception):
    """The provider refuses every message (credentials, sender): an editor must act."""
