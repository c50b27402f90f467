"""Sending a campaign exactly once per recipient, in batches, through any anymail provider.

1. `create_send` records a CampaignSend (now or scheduled) and queues `tasks.send_campaign`.
2. `start_send` renders the issue ONCE (with merge-field placeholders) and creates the ledger: one
   Delivery per recipient, in bulk, in the same transaction that moves the send to "sending".
3. `run_send` loops: claim a batch (rows pending, or "sending" with an expired lease) by writing a
   claim token and a lease in one transaction; hand the batch to the provider in ONE call (anymail's
   merge_data / merge_headers); record every recipient's outcome. Two workers never claim the same
   row (PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED, then a conditional UPDATE; SQLite serialises
   writers, and the loser of a race retries).
4. A worker killed between the provider's answer and the ledger's update leaves its batch "sending";
   once the lease expires another worker sends it again, with the same Message-ID per recipient
   (`Delivery.message_id_header`), which the README discusses.
5. A provider's 429 or 5xx puts the whole batch back and the send waits (exponential backoff) before
   resuming; a permanent error is recorded on each recipient it concerns.

Where each part lives: `control` (create, pause, resume, cancel: imported as
`newsletter.sending.control`, since it queues `tasks.send_campaign`, which runs `loop`), `ledger` (recipients, the Delivery
rows, outcomes), `claims` (leases), `loop` (`run_send`), `delivery` (which way a batch goes),
`merge_data` (one provider call a batch), `one_by_one` (SMTP and the others), `personalisation`
(greeting and links), `errors`, `proof` (test sends to editors), `reach` (how many a send would reach, for the send form).
"""

from .claims import claim_batch, release
from .delivery import NO_BATCH_PROVIDERS, deliver_batch, still_allowed
from .errors import ProviderConfigurationError, TransientProviderError
from .ledger import CREATE_CHUNK, recipients, save_outcomes, start_send
from .loop import MAX_RETRIES, batch_size, run_send
from .merge_data import deliver_with_merge_data
from .one_by_one import deliver_one_by_one
from .personalisation import LINK_SLOT, LinkTemplates, recipient_values
from .proof import send_test
from .reach import Reach, current_reach

__all__ = [
    "CREATE_CHUNK",
    "LINK_SLOT",
    "MAX_RETRIES",
    "NO_BATCH_PROVIDERS",
    "Reach",
    "LinkTemplates",
    "ProviderConfigurationError",
    "TransientProviderError",
    "batch_size",
    "claim_batch",
    "current_reach",
    "deliver_batch",
    "deliver_one_by_one",
    "deliver_with_merge_data",
    "recipient_values",
    "recipients",
    "release",
    "run_send",
    "save_outcomes",
    "send_test",
    "start_send",
    "still_allowed",
]
