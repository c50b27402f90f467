"""The contact page and its form."""

from .shared import EMAIL

# The contact form: (French, English) labels, help texts and choices, in the form's order.
CONTACT_FORM_FIELDS = [
    {"label": ("Nom", "Name"), "field_type": "singleline", "required": True},
    {"label": ("Courriel", "Email"), "field_type": "email", "required": True},
    {
        "label": ("Organisation", "Organisation"),
        "field_type": "singleline",
        "required": False,
        "help_text": (
            "Collectivité, entreprise, structure d'insertion…",
            "Local authority, company, work-integration organisation…",
        ),
    },
    {
        "label": ("Objet", "Subject"),
        "field_type": "dropdown",
        "required": False,
        "choices": [
            (
                "Insérer une clause sociale dans un marché",
                "Including a social clause in a contract",
            ),
            ("Rejoindre le réseau des facilitateurs", "Joining the network of facilitators"),
            ("Recruter grâce aux clauses sociales", "Hiring through social clauses"),
            ("Proposer une rencontre ou un événement", "Suggesting a meeting or an event"),
            ("Autre demande", "Other request"),
        ],
    },
    {"label": ("Message", "Message"), "field_type": "multiline", "required": True},
]


def contact_page(tr, ref):
    return {
        "title": tr("Contact", "Contact"),
        "slug": tr("contact", "contact"),
        "search_description": tr(
            "Écrire à la Mission Interinstitutionnelle Clause Sociale 34, à Montpellier.",
            "Write to the Mission Interinstitutionnelle Clause Sociale 34 in Montpellier.",
        ),
        "intro": tr(
            "<p>Une question sur les clauses sociales, un projet de marché, une demande de "
            "rencontre ? Écrivez-nous : l'équipe de la MICS 34 vous répond dans les meilleurs "
            "délais.</p>",
            "<p>A question about social clauses, a planned contract, a request for a meeting? "
            "Write to us: the MICS 34 team will answer as soon as possible.</p>",
        ),
        "thank_you_text": tr(
            "<p>Merci, votre message a bien été envoyé. L'équipe de la MICS 34 vous répondra à "
            "l'adresse indiquée dans les meilleurs délais.</p>",
            "<p>Thank you, your message has been sent. The MICS 34 team will reply to the address "
            "you gave as soon as possible.</p>",
        ),
        "privacy_notice": tr(
            "<p>Les informations saisies servent uniquement à répondre à votre demande. Elles sont "
            "conservées 12 mois, puis supprimées. Vous pouvez y accéder, les faire rectifier ou "
            f"effacer en écrivant à {EMAIL}. Pour en savoir plus, consultez la politique de "
            "données personnelles.</p>",
            "<p>The information you enter is used only to answer your request. It is kept for 12 "
            "months, then deleted. You can access, correct or erase it by writing to "
            f"{EMAIL}. To find out more, see the privacy policy.</p>",
        ),
        "to_address": tr(EMAIL, EMAIL),
        "from_address": "",
        "subject": tr(
            "Nouveau message depuis clausesociale34.fr", "New message from clausesociale34.fr"
        ),
        "form_fields": [
            {
                "label": tr(*field["label"]),
                "field_type": field["field_type"],
                "required": field["required"],
                "help_text": tr(*field["help_text"]) if "help_text" in field else "",
                "choices": "\n".join(tr(*choice) for choice in field.get("choices", [])),
                "default_value": "",
            }
            for field in CONTACT_FORM_FIELDS
        ],
    }
