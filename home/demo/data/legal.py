"""The footer's pages: legal notice, accessibility statement and privacy policy."""

from core.factories import call_to_action, card, cards, heading, link, paragraph

from .shared import ADDRESS_FR, EMAIL, PHONE


def legal_page(tr, ref):
    return {
        "title": tr("Mentions légales", "Legal notice"),
        "slug": tr("mentions-legales", "legal-notice"),
        "search_description": tr(
            "Éditeur du site clausesociale34.fr, cofinancement et réutilisation des contenus.",
            "Publisher of clausesociale34.fr, co-funding and re-use of the content.",
        ),
        "intro": tr(
            "Les informations sur l'éditeur du site clausesociale34.fr, prévues par la loi n° "
            "2004-575 du 21 juin 2004 pour la confiance dans l'économie numérique.",
            "Information about the publisher of clausesociale34.fr, as required by French Act "
            "no. 2004-575 of 21 June 2004 on confidence in the digital economy.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("Éditeur", "Publisher")),
            paragraph(
                tr(
                    "<p>Le site clausesociale34.fr est édité par la Mission Interinstitutionnelle "
                    "Clause Sociale 34 (MICS 34), portée par l'APSH 34 — Axe transversal de "
                    "l'emploi.</p>"
                    f"<p>59 avenue de Fès, Henri Bertin Sans (bâtiment C)<br/>34080 Montpellier<br/>"
                    f"Téléphone : {PHONE}<br/>Courriel : {EMAIL}</p>",
                    "<p>The clausesociale34.fr website is published by the Mission "
                    "Interinstitutionnelle Clause Sociale 34 (MICS 34), run by APSH 34 — Axe "
                    "transversal de l'emploi (cross-cutting employment unit).</p>"
                    f"<p>59 avenue de Fès, Henri Bertin Sans (bâtiment C)<br/>34080 Montpellier, "
                    f"France<br/>Phone: +33 4 99 13 76 84<br/>Email: {EMAIL}</p>",
                )
            ),
            heading(tr("Publication et hébergement", "Publication and hosting")),
            paragraph(
                tr(
                    "<p>Le directeur ou la directrice de la publication et l'hébergeur du site (nom, "
                    "adresse et téléphone), que la loi pour la confiance dans l'économie numérique "
                    "(article 6) demande de nommer, sont indiqués au bas de chaque page.</p>",
                    "<p>The publication director and the website's host (name, address and "
                    "telephone), whom the French Act on confidence in the digital economy "
                    "(article 6) requires to be named, are given at the foot of every page.</p>",
                )
            ),
            heading(tr("Cofinancement", "Co-funding")),
            paragraph(
                tr(
                    "<p>La Mission Interinstitutionnelle Clause Sociale 34 est cofinancée par l'Union "
                    "européenne.</p>",
                    "<p>The Mission Interinstitutionnelle Clause Sociale 34 is co-funded by the "
                    "European Union.</p>",
                )
            ),
            heading(tr("Contenus du site", "Website content")),
            paragraph(
                tr(
                    "<p>Sauf mention contraire, les textes de ce site sont produits par la MICS 34. "
                    "Toute reprise doit en citer la source : « Mission Interinstitutionnelle Clause "
                    "Sociale 34 — clausesociale34.fr ». Les textes juridiques cités font foi dans leur "
                    "version publiée au Journal officiel.</p>",
                    "<p>Unless stated otherwise, the texts on this website are written by MICS 34. Any "
                    "re-use must credit the source: “Mission Interinstitutionnelle Clause Sociale 34 — "
                    "clausesociale34.fr”. The legal texts quoted are authoritative in the version "
                    "published in the French Official Journal.</p>",
                )
            ),
            cards(
                title=tr("Voir aussi", "See also"),
                items=[
                    card(
                        tr("Données personnelles", "Personal data"),
                        tr(
                            "Ce que deviennent les informations envoyées par le formulaire de "
                            "contact.",
                            "What happens to the information sent through the contact form.",
                        ),
                        link(page=ref.page("privacy")),
                    ),
                    card(
                        tr("Accessibilité", "Accessibility"),
                        tr(
                            "Le niveau de conformité du site au RGAA et comment signaler un "
                            "problème.",
                            "How far the website complies with the RGAA and how to report a "
                            "problem.",
                        ),
                        link(page=ref.page("accessibility")),
                    ),
                ],
            ),
        ],
    }


def accessibility_page(tr, ref):
    return {
        "title": tr("Déclaration d'accessibilité", "Accessibility statement"),
        "slug": tr("declaration-d-accessibilite", "accessibility-statement"),
        "search_description": tr(
            "État de conformité du site clausesociale34.fr au RGAA 4.1.2, signalement d'un problème "
            "et voies de recours.",
            "Compliance of clausesociale34.fr with the RGAA 4.1.2, how to report a problem and how "
            "to seek redress.",
        ),
        "intro": tr(
            "La MICS 34 s'engage à rendre son site accessible, conformément à l'article 47 de la "
            "loi n° 2005-102 du 11 février 2005. Cette déclaration s'applique au site "
            "clausesociale34.fr.",
            "MICS 34 is committed to making its website accessible, in accordance with article 47 "
            "of French Act no. 2005-102 of 11 February 2005. This statement applies to "
            "clausesociale34.fr.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("État de conformité", "Compliance status")),
            paragraph(
                tr(
                    "<p>Le site clausesociale34.fr est <b>non conforme</b> avec le référentiel "
                    "général d'amélioration de l'accessibilité (RGAA), version 4.1.2 : aucun audit "
                    "de conformité n'a encore été réalisé. Le site a été conçu en suivant ce "
                    "référentiel (titres hiérarchisés, navigation au clavier, contrastes suffisants, "
                    "champs de formulaire étiquetés, vidéos accompagnées de leur transcription) et "
                    "chaque page est vérifiée par un outil automatique, qui ne remplace pas "
                    "l'audit.</p>"
                    "<p>Cette déclaration a été établie le 2 décembre 2026. Elle sera mise à jour "
                    "à l'issue de l'audit, avec le taux de conformité mesuré.</p>",
                    "<p>clausesociale34.fr is <b>not compliant</b> with the French accessibility "
                    "framework (RGAA), version 4.1.2: no compliance audit has been carried out yet. "
                    "The website was designed following that framework (structured headings, "
                    "keyboard navigation, sufficient contrast, labelled form fields, videos with "
                    "their transcript) and every page is checked by an automated tool, which does "
                    "not replace the audit.</p>"
                    "<p>This statement was drawn up on 2 December 2026. It will be updated after "
                    "the audit, with the measured compliance rate.</p>",
                )
            ),
            heading(tr("Contenus non accessibles", "Non-accessible content")),
            paragraph(
                tr(
                    "<p>Les résultats détaillés seront publiés à l'issue de l'audit. Certains documents "
                    "à télécharger produits par des tiers peuvent ne pas être accessibles : sur "
                    "demande, nous vous les transmettons sous une autre forme.</p>",
                    "<p>Detailed results will be published after the audit. Some downloadable "
                    "documents produced by third parties may not be accessible: on request, we will "
                    "send them to you in another form.</p>",
                )
            ),
            heading(tr("Retour d'information et contact", "Feedback and contact")),
            paragraph(
                tr(
                    "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez-nous "
                    "pour être orienté vers une alternative accessible ou obtenir le contenu sous une "
                    "autre forme :</p>"
                    "<ul><li>par le formulaire de la page Contact ;</li>"
                    f"<li>par courriel : {EMAIL} ;</li>"
                    f"<li>par téléphone : {PHONE} ;</li>"
                    f"<li>par courrier : MICS 34, {ADDRESS_FR}.</li></ul>",
                    "<p>If you cannot access a piece of content or a service, contact us to be "
                    "directed to an accessible alternative or to receive the content in another "
                    "form:</p>"
                    "<ul><li>through the form on the Contact page;</li>"
                    f"<li>by email: {EMAIL};</li>"
                    "<li>by phone: +33 4 99 13 76 84;</li>"
                    f"<li>by post: MICS 34, {ADDRESS_FR}, France.</li></ul>",
                )
            ),
            call_to_action(
                tr("Un problème d'accessibilité ?", "An accessibility problem?"),
                tr(
                    "Décrivez la page et la difficulté rencontrée : nous vous répondrons.",
                    "Tell us which page and what difficulty you met: we will get back to you.",
                ),
                link(
                    page=ref.page("contact"), label=tr("Signaler un problème", "Report a problem")
                ),
            ),
            heading(tr("Voies de recours", "Enforcement procedure")),
            paragraph(
                tr(
                    "<p>Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder "
                    "à un contenu ou à un service et que vous n'avez pas obtenu de réponse "
                    "satisfaisante, vous pouvez :</p>"
                    "<ul>"
                    "<li>écrire un message au Défenseur des droits, par son "
                    '<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;'
                    "</li>"
                    "<li>contacter le délégué du Défenseur des droits dans votre région, dont les "
                    'coordonnées figurent sur <a href="https://www.defenseurdesdroits.fr/">'
                    "defenseurdesdroits.fr</a> ;</li>"
                    "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : "
                    "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li>"
                    "</ul>",
                    "<p>If you have reported an accessibility issue that prevents you from accessing "
                    "content or a service and have not received a satisfactory answer, you can:</p>"
                    "<ul>"
                    "<li>write to the Défenseur des droits (French Rights Defender) through its "
                    '<a href="https://formulaire.defenseurdesdroits.fr/">online form</a>;</li>'
                    "<li>contact the Défenseur des droits delegate in your region, listed on "
                    '<a href="https://www.defenseurdesdroits.fr/">defenseurdesdroits.fr</a>;</li>'
                    "<li>send a letter by post (free of charge, no stamp needed): Défenseur des "
                    "droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.</li>"
                    "</ul>",
                )
            ),
        ],
    }


def privacy_page(tr, ref):
    return {
        "title": tr("Politique de données personnelles", "Privacy policy"),
        "slug": tr("politique-de-donnees-personnelles", "privacy-policy"),
        "search_description": tr(
            "Les données collectées par clausesociale34.fr, leur durée de conservation, vos droits "
            "et les cookies.",
            "The data collected by clausesociale34.fr, how long it is kept, your rights and "
            "cookies.",
        ),
        "intro": tr(
            "Ce site collecte le moins de données possible. Cette page explique lesquelles, "
            "pourquoi, combien de temps elles sont conservées et comment exercer vos droits.",
            "This website collects as little data as possible. This page explains which data, "
            "why, how long it is kept and how to exercise your rights.",
        ),
        "show_table_of_contents": False,
        "body": [
            heading(tr("Responsable du traitement", "Data controller")),
            paragraph(
                tr(
                    "<p>Le responsable du traitement est la Mission Interinstitutionnelle Clause "
                    f"Sociale 34, portée par l'APSH 34, {ADDRESS_FR} — {EMAIL}.</p>",
                    "<p>The data controller is the Mission Interinstitutionnelle Clause Sociale 34, "
                    f"run by APSH 34, {ADDRESS_FR}, France — {EMAIL}.</p>",
                )
            ),
            heading(tr("Le formulaire de contact", "The contact form")),
            paragraph(
                tr(
                    "<p>Quand vous écrivez à la mission par le formulaire de contact, nous recevons "
                    "votre nom, votre adresse électronique, votre organisation si vous l'indiquez, "
                    "l'objet et le contenu de votre message.</p>"
                    "<ul>"
                    "<li><b>Finalité</b> : répondre à votre demande et, si elle le nécessite, vous "
                    "orienter vers le bon interlocuteur.</li>"
                    "<li><b>Base légale</b> : l'intérêt légitime de la mission à répondre aux "
                    "personnes qui la sollicitent.</li>"
                    "<li><b>Destinataires</b> : l'équipe de la MICS 34. Vos données ne sont transmises "
                    "à un partenaire qu'avec votre accord, et ne sont jamais vendues.</li>"
                    "<li><b>Durée de conservation</b> : 12 mois à compter de l'envoi du message, "
                    "puis suppression.</li>"
                    "</ul>",
                    "<p>When you write to the mission through the contact form, we receive your name, "
                    "your email address, your organisation if you give it, and the subject and content "
                    "of your message.</p>"
                    "<ul>"
                    "<li><b>Purpose</b>: answering your request and, where needed, directing you to the "
                    "right contact.</li>"
                    "<li><b>Legal basis</b>: the mission's legitimate interest in answering the people "
                    "who contact it.</li>"
                    "<li><b>Recipients</b>: the MICS 34 team. Your data is passed on to a partner only "
                    "with your agreement, and is never sold.</li>"
                    "<li><b>Retention period</b>: 12 months from the date of your message, after "
                    "which it is deleted.</li>"
                    "</ul>",
                )
            ),
            heading(tr("La lettre d'information", "The newsletter")),
            paragraph(
                tr(
                    "<p>Quand vous vous inscrivez à la lettre, nous enregistrons votre adresse "
                    "électronique, les publics choisis, et, si vous les indiquez, votre nom, votre "
                    "structure et votre territoire, avec la preuve de votre accord (texte accepté, "
                    "date, adresse IP, confirmation).</p>"
                    "<ul>"
                    "<li><b>Finalité</b> : vous envoyer la lettre d'information.</li>"
                    "<li><b>Base légale</b> : votre consentement, confirmé par le lien reçu par "
                    "courriel ; vous le retirez à tout moment par le lien de désinscription de "
                    "chaque lettre.</li>"
                    "<li><b>Destinataires</b> : l'équipe de la MICS 34 et le prestataire d'envoi des "
                    "courriels, qui agit pour son compte.</li>"
                    "<li><b>Durée de conservation</b> : tant que vous êtes inscrit ; la preuve du "
                    "consentement est gardée trois ans après la désinscription. Une demande non "
                    "confirmée est supprimée après 30 jours.</li>"
                    "</ul>",
                    "<p>When you subscribe to the newsletter, we record your email address, the "
                    "audiences you choose and, if you give them, your name, organisation and "
                    "territory, with the proof of your agreement (text accepted, date, IP address, "
                    "confirmation).</p>"
                    "<ul>"
                    "<li><b>Purpose</b>: sending you the newsletter.</li>"
                    "<li><b>Legal basis</b>: your consent, confirmed through the link sent by "
                    "email; you withdraw it at any time through the unsubscribe link of each "
                    "newsletter.</li>"
                    "<li><b>Recipients</b>: the MICS 34 team and the email service provider, acting "
                    "on its behalf.</li>"
                    "<li><b>Retention period</b>: as long as you are subscribed; the proof of "
                    "consent is kept three years after you unsubscribe. An unconfirmed request is "
                    "deleted after 30 days.</li>"
                    "</ul>",
                )
            ),
            heading(tr("Les alertes du centre de ressources", "Resource centre alerts")),
            paragraph(
                tr(
                    "<p>Une alerte sur une recherche enregistre votre adresse électronique, la "
                    "recherche suivie, la fréquence choisie et la preuve de votre accord.</p>"
                    "<ul>"
                    "<li><b>Finalité</b> : vous envoyer les nouvelles ressources qui répondent à "
                    "votre recherche.</li>"
                    "<li><b>Base légale</b> : votre consentement, confirmé par le lien reçu par "
                    "courriel et retiré par le lien de désinscription de chaque alerte.</li>"
                    "<li><b>Destinataires</b> : l'équipe de la MICS 34 et le prestataire d'envoi des "
                    "courriels.</li>"
                    "<li><b>Durée de conservation</b> : tant que l'alerte est active ; la preuve du "
                    "consentement est gardée trois ans après son arrêt.</li>"
                    "</ul>",
                    "<p>An alert on a search records your email address, the search followed, the "
                    "frequency chosen and the proof of your agreement.</p>"
                    "<ul>"
                    "<li><b>Purpose</b>: sending you the new resources that match your search.</li>"
                    "<li><b>Legal basis</b>: your consent, confirmed through the link sent by email "
                    "and withdrawn through the unsubscribe link of each alert.</li>"
                    "<li><b>Recipients</b>: the MICS 34 team and the email service provider.</li>"
                    "<li><b>Retention period</b>: as long as the alert is active; the proof of "
                    "consent is kept three years after it stops.</li>"
                    "</ul>",
                )
            ),
            heading(tr("Vos droits", "Your rights")),
            paragraph(
                tr(
                    "<p>Vous disposez d'un droit d'accès, de rectification, d'effacement, de limitation "
                    "et d'opposition au traitement de vos données. Pour les exercer, écrivez à "
                    f"{EMAIL} ou par courrier à l'adresse ci-dessus.</p>"
                    "<p>Si vous estimez, après nous avoir contactés, que vos droits ne sont pas "
                    "respectés, vous pouvez adresser une réclamation à la Commission nationale de "
                    "l'informatique et des libertés (CNIL) : "
                    '<a href="https://www.cnil.fr/fr/plaintes">cnil.fr/fr/plaintes</a>.</p>',
                    "<p>You have the right to access, rectify and erase your data, and to restrict or "
                    f"object to its processing. To exercise these rights, write to {EMAIL} or send a "
                    "letter to the address above.</p>"
                    "<p>If, after contacting us, you believe your rights have not been respected, you "
                    "can lodge a complaint with the French data protection authority (CNIL): "
                    '<a href="https://www.cnil.fr/fr/plaintes">cnil.fr/fr/plaintes</a>.</p>',
                )
            ),
            heading(tr("Cookies", "Cookies")),
            paragraph(
                tr(
                    "<p>Ce site ne dépose aucun cookie de mesure d'audience ni de publicité. Seuls des "
                    "cookies techniques, nécessaires à son fonctionnement, peuvent être déposés : la "
                    "protection du formulaire contre les envois frauduleux et, pour l'équipe, la "
                    "session de connexion à l'administration. Ils ne demandent pas votre "
                    "consentement.</p>",
                    "<p>This website sets no analytics or advertising cookies. Only technical cookies "
                    "needed for it to work may be set: protection of the form against forged "
                    "submissions and, for the team, the session when logged in to the administration. "
                    "They do not require your consent.</p>",
                )
            ),
            heading(tr("Vidéos", "Videos")),
            paragraph(
                tr(
                    "<p>Les vidéos intégrées (YouTube, Vimeo ou Dailymotion) ne sont chargées qu'au "
                    "moment où vous cliquez sur le bouton de lecture : avant ce clic, aucune requête "
                    "n'est envoyée à la plateforme. Après, ce sont ses propres conditions qui "
                    "s'appliquent ; YouTube est alors chargé dans son mode de confidentialité renforcée "
                    "(youtube-nocookie.com).</p>",
                    "<p>Embedded videos (YouTube, Vimeo or Dailymotion) are loaded only when you click "
                    "the play button: before that click, no request is sent to the platform. After it, "
                    "the platform's own terms apply; YouTube is then loaded in its privacy-enhanced "
                    "mode (youtube-nocookie.com).</p>",
                )
            ),
            call_to_action(
                tr("Une question sur vos données ?", "A question about your data?"),
                "",
                link(page=ref.page("contact"), label=tr("Nous écrire", "Write to us")),
            ),
        ],
    }
